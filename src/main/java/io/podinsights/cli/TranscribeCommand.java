package io.podinsights.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.podinsights.App;
import io.podinsights.config.Keys;
import io.podinsights.digest.ClockTime;
import io.podinsights.feed.fetch.DownloadRequest;
import io.podinsights.feed.fetch.DownloadResult;
import io.podinsights.transcript.Segment;
import io.podinsights.transcript.TranscriptSource;
import io.podinsights.transcript.speech.ChunkStore;
import io.podinsights.transcript.speech.SpeechConfig;
import io.podinsights.transcript.speech.SpeechException;
import io.podinsights.transcript.speech.SpeechResult;
import io.podinsights.transcript.speech.Transcriber;
import io.podinsights.transcript.speech.Transcribers;
import io.podinsights.transcript.speech.TranscriptionJob;
import io.podinsights.transcript.speech.Word;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code podinsights transcribe FILE|URL}: speech-to-text for one audio file or URL, printed as text or JSON. */
@Command(name = "transcribe", mixinStandardHelpOptions = true,
    description = {"Transcribe an audio file or URL offline (Vosk by default) and print the text.",
        "A URL is downloaded through the same guarded client as feeds; --json prints segments."})
public final class TranscribeCommand implements Callable<Integer> {
  @Mixin AppOptions options;

  @Parameters(paramLabel = "FILE|URL", description = "An audio file or http(s) URL (MP3, AAC/M4A, Opus, Vorbis, WAV...).")
  String input;

  @Option(names = "--json", description = "Print JSON: source and segments (start, end, speaker, text).")
  boolean json;

  @Option(names = "--words", description = "With --json, add every word with its start, end and confidence.")
  boolean words;

  @Option(names = "--engine", paramLabel = "vosk|whisper|api", description = "Speech engine (default: speech.engine, vosk).")
  String engine;

  @Option(names = "--workers", description = "Chunks recognised at once (default: the number of cores).")
  Integer workers;

  @Option(names = "--quiet", description = "No progress bar.")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    try (App app = options.open()) {
      return transcribe(app);
    }
  }

  private int transcribe(App app) throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Path data = app.config().dataDir();
    Optional<Path> downloaded = Optional.empty();
    Path file;
    if (input.matches("(?i)^https?://.*")) {
      Optional<Path> fetched = download(app, data);
      if (fetched.isEmpty()) return 1;
      downloaded = fetched;
      file = fetched.get();
    } else {
      file = Path.of(input);
      if (!Files.isRegularFile(file)) {
        System.err.println("transcribe: " + input + " is not a file");
        return 2;
      }
    }
    try {
      return transcribe(app, file, data, out);
    } finally {
      if (downloaded.isPresent()) Files.deleteIfExists(downloaded.get());
    }
  }

  /** Downloads {@code input} into the data directory through the guarded client; empty (with the reason) if it fails. */
  private Optional<Path> download(App app, Path data) throws java.io.IOException {
    URI url;
    try {
      url = URI.create(input.strip());
    } catch (IllegalArgumentException e) {
      System.err.println("transcribe: '" + input + "' is not a URL");
      return Optional.empty();
    }
    Path dir = data.resolve("audio");
    Files.createDirectories(dir);
    Path target = dir.resolve("cli-" + key(url.toString()) + ".audio");
    if (!quiet) System.err.println("transcribe: downloading " + url);
    DownloadResult result = app.http().download(
        new DownloadRequest(url, target, app.config().get(Keys.SPEECH_MAX_AUDIO_SIZE)), (done, total) -> {});
    return switch (result) {
      case DownloadResult.Downloaded d -> Optional.of(d.file());
      case DownloadResult.DownloadFailed f -> {
        System.err.println("transcribe: " + f.error().message());
        yield Optional.empty();
      }
    };
  }

  private int transcribe(App app, Path file, Path data, PrintStream out) throws Exception {
    SpeechConfig config = app.speechConfig();
    try {
      if (engine != null) config = config.withEngine(SpeechConfig.Engine.parse(engine));
      if (workers != null) config = config.withWorkers(workers);
    } catch (IllegalArgumentException e) {
      System.err.println("transcribe: " + e.getMessage());
      return 2;
    }
    Path work = TranscriptionJob.workDirFor(data, "cli-" + key(file.toAbsolutePath().normalize().toString()));
    try (Transcriber transcriber = Transcribers.create(config, data, InstantSource.system());
        Progress bar = quiet ? Progress.none() : Progress.start("transcribe", 0, "s audio")) {
      SpeechResult result = transcriber.transcribe(new TranscriptionJob(file, work), p -> {
        bar.set(Math.round(p.doneSeconds()), Math.max(1, Math.round(p.totalSeconds())));
        bar.message(String.format(Locale.ROOT, "%s/%s, %.1fx real time", ClockTime.format(p.done()),
            p.total().map(ClockTime::format).orElse("?"), p.speed()));
      });
      bar.close();
      result.warnings().forEach(w -> System.err.println("transcribe: warning: " + w));
      if (json) {
        out.println(toJson(result, words));
      } else {
        for (Segment s : result.transcript().segments())
          out.println(s.speaker().map(sp -> "[" + sp + "] ").orElse("") + s.text());
      }
      ChunkStore.deleteWorkDir(work);
      return 0;
    } catch (SpeechException e) {
      System.err.println(e.getMessage());
      return 1;
    }
  }

  static String toJson(SpeechResult result, boolean withWords) throws Exception {
    Map<String, Object> root = new LinkedHashMap<>();
    switch (result.transcript().source()) {
      case TranscriptSource.Transcribed t -> root.put("source", Map.of("engine", t.engine(), "model", t.model()));
      case TranscriptSource.Published p -> root.put("source", Map.of("url", p.url()));
      case TranscriptSource.Local l -> root.put("source", Map.of("path", l.path()));
    }
    List<Map<String, Object>> segs = new ArrayList<>();
    for (int i = 0; i < result.transcript().segments().size(); i++) {
      Segment s = result.transcript().segments().get(i);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("start", seconds(s.start()));
      m.put("end", seconds(s.end()));
      m.put("speaker", s.speaker().orElse(null));
      m.put("text", s.text());
      if (withWords) {
        List<Map<String, Object>> ws = new ArrayList<>();
        for (Word w : result.segmentWords().get(i)) {
          Map<String, Object> wm = new LinkedHashMap<>();
          wm.put("start", round(w.start()));
          wm.put("end", round(w.end()));
          wm.put("word", w.text());
          wm.put("conf", round(w.confidence()));
          ws.add(wm);
        }
        m.put("words", ws);
      }
      segs.add(m);
    }
    root.put("segments", segs);
    root.put("warnings", result.warnings());
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
  }

  private static double seconds(Duration d) {
    return round(d.toNanos() / 1e9);
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  /** A short stable name for a file or URL's work files. */
  private static String key(String fileOrUrl) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(fileOrUrl.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("transcribe: SHA-256 is missing from this JVM", e);
    }
  }
}
