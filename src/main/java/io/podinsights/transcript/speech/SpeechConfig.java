package io.podinsights.transcript.speech;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Speech-to-text settings, mapped by the app from the config tree ({@code speech.*}, {@code whisper.*}, {@code api.*}).
 *
 * @param engine which engine recognises the chunks ({@code speech.engine}, default vosk)
 * @param modelDir a Vosk model directory to use instead of the bundled small English one ({@code speech.model-dir})
 * @param workers chunks recognised at once ({@code speech.workers}, default: the number of cores)
 * @param chunkLength target chunk length; chunks are cut at the first pause after it ({@code speech.chunk-seconds}, 45)
 * @param whisperModelFile the ggml model file for the whisper engine ({@code whisper.model-file})
 * @param api the OpenAI-compatible endpoint for the api engine ({@code api.base-url}, {@code api.key}, {@code api.model})
 */
public record SpeechConfig(
    Engine engine,
    Optional<Path> modelDir,
    int workers,
    Duration chunkLength,
    Optional<Path> whisperModelFile,
    Optional<ApiEndpoint> api) {

  /** The engines a transcript can be made with. */
  public enum Engine {
    VOSK, WHISPER, API;

    /** Reads {@code vosk}, {@code whisper} or {@code api} (any case). */
    public static Engine parse(String name) {
      for (Engine e : values()) if (e.name().equalsIgnoreCase(name.strip())) return e;
      throw new IllegalArgumentException("speech: unknown engine '" + name + "'; use vosk, whisper or api");
    }

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** An OpenAI-compatible {@code /v1/audio/transcriptions} endpoint; {@code baseUrl} ends with {@code /v1}. */
  public record ApiEndpoint(URI baseUrl, Optional<String> key, String model) {
    public ApiEndpoint {
      Objects.requireNonNull(baseUrl, "speech: api.base-url");
      Objects.requireNonNull(key, "speech: api.key");
      if (model == null || model.isBlank()) model = "whisper-1";
      if (!"http".equals(baseUrl.getScheme()) && !"https".equals(baseUrl.getScheme()))
        throw new IllegalArgumentException("speech: api.base-url must be http(s), got " + baseUrl);
    }
  }

  public static final Duration MIN_CHUNK = Duration.ofSeconds(5);
  public static final Duration MAX_CHUNK = Duration.ofMinutes(5);

  public SpeechConfig {
    Objects.requireNonNull(engine, "speech: engine");
    Objects.requireNonNull(modelDir, "speech: model-dir");
    Objects.requireNonNull(whisperModelFile, "speech: whisper.model-file");
    Objects.requireNonNull(api, "speech: api");
    Objects.requireNonNull(chunkLength, "speech: chunk-seconds");
    if (workers < 1 || workers > 256) throw new IllegalArgumentException("speech: workers must be 1..256, got " + workers);
    if (chunkLength.compareTo(MIN_CHUNK) < 0 || chunkLength.compareTo(MAX_CHUNK) > 0)
      throw new IllegalArgumentException("speech: chunk-seconds must be 5..300, got " + chunkLength.toSeconds());
  }

  /** Vosk with the bundled model, one worker per core, 45-second chunks. */
  public static SpeechConfig defaults() {
    return new SpeechConfig(Engine.VOSK, Optional.empty(), Runtime.getRuntime().availableProcessors(),
        Duration.ofSeconds(45), Optional.empty(), Optional.empty());
  }

  public SpeechConfig withEngine(Engine e) {
    return new SpeechConfig(e, modelDir, workers, chunkLength, whisperModelFile, api);
  }

  public SpeechConfig withWorkers(int n) {
    return new SpeechConfig(engine, modelDir, n, chunkLength, whisperModelFile, api);
  }

  public SpeechConfig withChunkLength(Duration d) {
    return new SpeechConfig(engine, modelDir, workers, d, whisperModelFile, api);
  }

  public SpeechConfig withModelDir(Path dir) {
    return new SpeechConfig(engine, Optional.of(dir), workers, chunkLength, whisperModelFile, api);
  }

  public SpeechConfig withWhisperModelFile(Path file) {
    return new SpeechConfig(engine, modelDir, workers, chunkLength, Optional.of(file), api);
  }

  public SpeechConfig withApi(ApiEndpoint endpoint) {
    return new SpeechConfig(engine, modelDir, workers, chunkLength, whisperModelFile, Optional.of(endpoint));
  }
}
