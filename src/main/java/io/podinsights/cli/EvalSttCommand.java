package io.podinsights.cli;

import io.podinsights.transcript.speech.AudioDecoder;
import io.podinsights.transcript.speech.ChunkStore;
import io.podinsights.transcript.speech.ChunkedTranscriber;
import io.podinsights.transcript.speech.SpeechConfig;
import io.podinsights.transcript.speech.SpeechException;
import io.podinsights.transcript.speech.SpeechResult;
import io.podinsights.transcript.speech.Transcribers;
import io.podinsights.transcript.speech.TranscriptionJob;
import io.podinsights.transcript.speech.VoskEngine;
import io.podinsights.transcript.speech.Word;
import io.podinsights.transcript.speech.WordErrorRate;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import io.podinsights.App;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code podinsights eval stt DIR}: word error rate of our speech pipeline (decode, resample, chunking, parallel
 * recognition, merge) per clip, next to plain single-stream Vosk on the same clip with the same model in the same run.
 */
@Command(name = "stt", mixinStandardHelpOptions = true,
    description = "Word error rate per clip against the *.ref*.txt next to it: our pipeline vs plain single-stream Vosk.")
public final class EvalSttCommand implements Callable<Integer> {
  private static final List<String> AUDIO = List.of(".wav", ".mp3", ".m4a", ".ogg", ".opus", ".flac", ".aac");
  @Mixin AppOptions options;

  @Parameters(paramLabel = "DIR", description = "Clips with reference transcripts (e.g. ../shared/data/audio).")
  Path dir;

  @Option(names = "--chunk-seconds", defaultValue = "10",
      description = "Chunk length for our pipeline; short by default so that chunking is exercised on short clips.")
  int chunkSeconds;

  @Option(names = "--workers", description = "Workers for our pipeline (default: the number of cores).")
  Integer workers;


  /** One clip's figures. */
  record ClipScore(String clip, String referenceKind, int referenceWords, double ours, double plain, double oursSeconds,
      double plainSeconds) {}

  @Override
  public Integer call() throws IOException {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    if (!Files.isDirectory(dir)) {
      System.err.println("eval: " + dir + " is not a directory");
      return 2;
    }
    App app = App.open(options.config(), InstantSource.system());
    SpeechConfig config = app.speechConfig().withEngine(SpeechConfig.Engine.VOSK)
        .withChunkLength(Duration.ofSeconds(chunkSeconds));
    if (workers != null) config = config.withWorkers(workers);
    Path data = app.config().dataDir();
    String manifest = Files.isRegularFile(dir.resolve("MANIFEST.md")) ? Files.readString(dir.resolve("MANIFEST.md")) : "";
    List<Path> clips;
    try (Stream<Path> files = Files.list(dir)) {
      clips = files.filter(p -> AUDIO.stream().anyMatch(ext -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(ext)))
          .sorted().toList();
    }
    InstantSource clock = InstantSource.system();
    int worse = 0, scored = 0;
    try (ChunkedTranscriber ours = Transcribers.create(config, data, clock)) {
      VoskEngine vosk = (VoskEngine) ours.engine();
      out.printf(Locale.ROOT, "Speech-to-text WER: ours (chunks %d s, %d workers) vs plain single-stream Vosk, model %s%n",
          chunkSeconds, config.workers(), vosk.model());
      out.printf(Locale.ROOT, "%-46s %-9s %5s %8s %8s %8s %7s %7s%n", "clip", "reference", "words", "ours", "plain", "delta",
          "ours s", "plain s");
      for (Path clip : clips) {
        Optional<Path> ref = reference(clip);
        if (ref.isEmpty()) {
          out.printf("%-46s (no reference; skipped)%n", clip.getFileName());
          continue;
        }
        String refText = Files.readString(ref.get()).lines().map(l -> l.replaceFirst("^[A-Z]+:\\s*", ""))
            .collect(Collectors.joining(" "));
        try {
          Path work = Files.createTempDirectory("podinsights-eval-");
          long t0 = System.nanoTime();
          SpeechResult r = ours.transcribe(new TranscriptionJob(clip, work), p -> {});
          long t1 = System.nanoTime();
          List<Word> plain = vosk.recognizeSingleStream(clip, new AudioDecoder());
          long t2 = System.nanoTime();
          ChunkStore.deleteWorkDir(work);
          ClipScore s = new ClipScore(clip.getFileName().toString(), kind(ref.get(), clip, manifest),
              WordErrorRate.normalise(refText).size(), WordErrorRate.of(refText, r.transcript().text()).rate(),
              WordErrorRate.of(refText, plain.stream().map(Word::text).collect(Collectors.joining(" "))).rate(),
              (t1 - t0) / 1e9, (t2 - t1) / 1e9);
          scored++;
          if (s.ours() > s.plain() + 1e-9) worse++;
          out.printf(Locale.ROOT, "%-46s %-9s %5d %7.1f%% %7.1f%% %+7.1f%% %7.2f %7.2f%n", s.clip(), s.referenceKind(),
              s.referenceWords(), 100 * s.ours(), 100 * s.plain(), 100 * (s.ours() - s.plain()), s.oursSeconds(), s.plainSeconds());
        } catch (SpeechException e) {
          out.printf("%-46s failed: %s%n", clip.getFileName(), e.getMessage());
        }
      }
    }
    out.printf(Locale.ROOT, "%nOurs is no worse than plain Vosk on %d of %d clips.%n", scored - worse, scored);
    out.println("Reference kinds: human = shipped by the source project; asserted = text the source's tests assert;"
        + " machine = another recogniser's output (silver, noisy).");
    return 0;
  }

  /** {@code name.ref.txt}, or {@code name.ref-*.txt} (e.g. a machine reference). */
  static Optional<Path> reference(Path clip) throws IOException {
    String file = clip.getFileName().toString();
    String stem = file.substring(0, file.lastIndexOf('.'));
    Path plain = clip.resolveSibling(stem + ".ref.txt");
    if (Files.isRegularFile(plain)) return Optional.of(plain);
    try (Stream<Path> s = Files.list(clip.getParent())) {
      return s.filter(p -> p.getFileName().toString().startsWith(stem + ".ref-") && p.toString().endsWith(".txt")).findFirst();
    }
  }

  /** How trustworthy a reference is, from its name and the directory's MANIFEST.md. */
  static String kind(Path ref, Path clip, String manifest) {
    String name = ref.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.contains("whisper") || name.contains("machine")) return "machine";
    String file = clip.getFileName().toString();
    String stem = file.substring(0, file.lastIndexOf('.'));
    boolean asserted = manifest.lines().anyMatch(l -> l.contains("`" + stem + "`") && l.toLowerCase(Locale.ROOT).contains("asserted"));
    return asserted ? "asserted" : "human";
  }
}
