package io.podinsights.transcript.speech;

import java.nio.file.Path;
import java.time.InstantSource;

/** Builds the configured {@link Transcriber}: the engine chosen by {@code speech.engine}, behind the chunked pipeline. */
public final class Transcribers {
  private Transcribers() {}

  /** Loads the configured engine's model (Vosk: extracted into {@code dataDir} at first use) and wraps it in the pipeline. */
  public static ChunkedTranscriber create(SpeechConfig config, Path dataDir, InstantSource clock) {
    return new ChunkedTranscriber(engine(config, dataDir), config, clock);
  }

  /** Only the engine, for callers that drive chunks themselves (eval, bench). */
  public static SpeechEngine engine(SpeechConfig config, Path dataDir) {
    return switch (config.engine()) {
      case VOSK -> {
        Path dir = new VoskModelStore(dataDir).ensure(config.modelDir());
        String name = config.modelDir().map(d -> String.valueOf(d.getFileName())).orElse(VoskModelStore.BUNDLED_NAME);
        yield VoskEngine.load(dir, name);
      }
      case WHISPER -> WhisperEngine.load(config.whisperModelFile().orElseThrow(() -> new SpeechException(
          SpeechException.Kind.MODEL, "speech: speech.engine=whisper needs whisper.model-file (a ggml model such as"
              + " ggml-base.en.bin from huggingface.co/ggerganov/whisper.cpp)")));
      case API -> new ApiEngine(config.api().orElseThrow(() -> new SpeechException(SpeechException.Kind.MODEL,
          "speech: speech.engine=api needs api.base-url (e.g. https://api.openai.com/v1), api.key and api.model")));
    };
  }
}
