package io.podinsights.bench;

import io.podinsights.transcript.speech.AudioDecoder;
import io.podinsights.transcript.speech.ChunkStore;
import io.podinsights.transcript.speech.ChunkedTranscriber;
import io.podinsights.transcript.speech.SpeechConfig;
import io.podinsights.transcript.speech.SpeechResult;
import io.podinsights.transcript.speech.TranscriptionJob;
import io.podinsights.transcript.speech.SpeechFixtures;
import io.podinsights.transcript.speech.VoskEngine;
import io.podinsights.transcript.speech.VoskModelStore;
import io.podinsights.transcript.speech.Word;
import io.podinsights.transcript.speech.WordErrorRate;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;

/**
 * Speech-to-text speed: wall-clock real-time factor of our pipeline (all cores) on a 10- and a 60-minute MP3 built
 * from the shared speech clips, against plain single-stream Vosk (one thread, same model) measured in the same run;
 * peak heap, peak process RSS, decode speed, and WER of both against the concatenated references.
 * Run: {@code ./build bench stt [--skip60 | --only60]} ({@code --only60}: only our pipeline on the hour, e.g. with a
 * smaller heap to show memory stays bounded). Inputs are written to target/bench (never committed).
 */
public final class SttBench {
  private static final Path AUDIO = Path.of("..", "shared", "data", "audio");
  private static final List<String> CLIPS = List.of("jfk.wav", "librivox-sense-and-sensibility-0870.wav",
      "librivox-sense-and-sensibility-0880.wav", "librivox-sense-and-sensibility-0890.wav", "pocketsphinx-goforward.wav",
      "azure-customspeech-en-general-train1.wav", "azure-customspeech-en-general-train2.wav", "vosk-test-digits.wav");

  private SttBench() {}

  public static void main(String[] args) throws Exception {
    boolean skip60 = Arrays.asList(args).contains("--skip60");
    boolean only60 = Arrays.asList(args).contains("--only60");
    Path dir = Files.createDirectories(Path.of("target", "bench"));
    int cores = Runtime.getRuntime().availableProcessors();
    System.out.printf(Locale.ROOT, "stt bench: %d cores, max heap %d MB%n", cores, Runtime.getRuntime().maxMemory() >> 20);

    List<short[]> pcm = new ArrayList<>();
    List<String> refs = new ArrayList<>();
    for (String c : CLIPS) {
      pcm.add(decodeAll(AUDIO.resolve(c)));
      String stem = c.substring(0, c.lastIndexOf('.'));
      refs.add(Files.readString(AUDIO.resolve(stem + ".ref.txt")).lines().collect(Collectors.joining(" ")));
    }
    Input ten = build(dir.resolve("stt-10min.mp3"), pcm, refs, 600);
    Input sixty = skip60 ? null : build(dir.resolve("stt-60min.mp3"), pcm, refs, 3600);

    Path data = Path.of("target", "bench", "data");
    Path modelDir = new VoskModelStore(data).ensure(Optional.empty());
    VoskEngine vosk = VoskEngine.load(modelDir, VoskModelStore.BUNDLED_NAME);
    RssSampler rss = new RssSampler();
    rss.start();

    Input decodeInput = sixty != null ? sixty : ten;
    resetPeaks();
    long t0 = System.nanoTime();
    long[] n = {0};
    new AudioDecoder().decode(decodeInput.file(), (s, c) -> n[0] += c);
    double decodeSec = (System.nanoTime() - t0) / 1e9;
    double audioSec = n[0] / 16000.0;
    System.out.printf(Locale.ROOT, "decode %s: %.0f s audio in %.2f s = %.0fx real time%n", decodeInput.file().getFileName(),
        audioSec, decodeSec, audioSec / decodeSec);

    SpeechConfig config = SpeechConfig.defaults().withWorkers(cores);
    List<Row> rows = new ArrayList<>();
    if (!only60) {
      rows.add(ours(vosk, config, ten, rss, "ours, " + cores + " workers, 45 s chunks"));
      rows.add(plain(vosk, ten, rss, "plain Vosk, 1 thread"));
    }
    if (sixty != null) rows.add(ours(vosk, config, sixty, rss, "ours, " + cores + " workers, 45 s chunks"));
    rss.stop();

    System.out.println();
    System.out.println("| input | run | audio | wall | RTF | x real time | WER | peak heap | peak RSS |");
    System.out.println("|---|---|---|---|---|---|---|---|---|");
    for (Row r : rows)
      System.out.printf(Locale.ROOT, "| %s | %s | %.0f s | %.1f s | %.3f | %.1fx | %.1f%% | %d MB | %d MB |%n", r.input(), r.run(),
          r.audio(), r.wall(), r.wall() / r.audio(), r.audio() / r.wall(), 100 * r.wer(), r.heapMb(), r.rssMb());
    if (only60) {
      vosk.close();
      return;
    }
    Row o = rows.get(0), p = rows.get(1);
    System.out.printf(Locale.ROOT, "%nours vs plain on 10 min: %.2fx faster (RTF %.3f vs %.3f), WER %.1f%% vs %.1f%%%n",
        p.wall() / o.wall(), o.wall() / o.audio(), p.wall() / p.audio(), 100 * o.wer(), 100 * p.wer());
    vosk.close();
  }

  private record Input(Path file, double seconds, String reference, String label) {}

  private record Row(String input, String run, double audio, double wall, double wer, long heapMb, long rssMb) {}

  private static Row ours(VoskEngine vosk, SpeechConfig config, Input in, RssSampler rss, String label) throws Exception {
    Path work = Files.createTempDirectory(Path.of("target", "bench"), "work-");
    try (ChunkedTranscriber t = new ChunkedTranscriber(SpeechFixtures.unclosable(vosk), config, InstantSource.system())) {
      System.gc();
      resetPeaks();
      rss.reset();
      long t0 = System.nanoTime();
      SpeechResult r = t.transcribe(new TranscriptionJob(in.file(), work), p -> {});
      double wall = (System.nanoTime() - t0) / 1e9;
      long heap = peakHeapMb(), rssMb = rss.peakMb();
      double wer = WordErrorRate.of(in.reference(), r.transcript().text()).rate();
      System.out.printf(Locale.ROOT, "%s %s: %.1f s wall, %d chunks%n", in.label(), label, wall, r.chunks());
      return new Row(in.label(), label, in.seconds(), wall, wer, heap, rssMb);
    } finally {
      ChunkStore.deleteWorkDir(work);
    }
  }

  private static Row plain(VoskEngine vosk, Input in, RssSampler rss, String label) {
    System.gc();
    resetPeaks();
    rss.reset();
    long t0 = System.nanoTime();
    List<Word> words = vosk.recognizeSingleStream(in.file(), new AudioDecoder());
    double wall = (System.nanoTime() - t0) / 1e9;
    long heap = peakHeapMb(), rssMb = rss.peakMb();
    double wer = WordErrorRate.of(in.reference(), words.stream().map(Word::text).collect(Collectors.joining(" "))).rate();
    System.out.printf(Locale.ROOT, "%s %s: %.1f s wall%n", in.label(), label, wall);
    return new Row(in.label(), label, in.seconds(), wall, wer, heap, rssMb);
  }

  /** The clips in a loop with 0.8 s of silence between them, up to {@code seconds}, as a 64 kb/s 22 kHz MP3. */
  private static Input build(Path file, List<short[]> pcm, List<String> refs, int seconds) throws Exception {
    short[] gap = new short[(int) (0.8 * 16000)];
    StringBuilder ref = new StringBuilder();
    long written = 0;
    try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(file.toFile(), 1)) {
      rec.setFormat("mp3");
      rec.setAudioCodec(avcodec.AV_CODEC_ID_MP3);
      rec.setSampleRate(22050);
      rec.setAudioBitrate(64000);
      rec.start();
      for (int i = 0; written < seconds * 16000L; i = (i + 1) % pcm.size()) {
        rec.recordSamples(16000, 1, ShortBuffer.wrap(pcm.get(i)));
        rec.recordSamples(16000, 1, ShortBuffer.wrap(gap));
        written += pcm.get(i).length + gap.length;
        ref.append(refs.get(i)).append(' ');
      }
      rec.stop();
    }
    System.out.printf(Locale.ROOT, "built %s: %.0f s, %d KB%n", file.getFileName(), written / 16000.0, Files.size(file) >> 10);
    return new Input(file, written / 16000.0, ref.toString(), seconds / 60 + " min");
  }

  private static short[] decodeAll(Path file) {
    short[][] out = {new short[1 << 16]};
    int[] len = {0};
    new AudioDecoder().decode(file, (s, n) -> {
      if (len[0] + n > out[0].length) out[0] = Arrays.copyOf(out[0], Math.max(len[0] + n, out[0].length * 2));
      System.arraycopy(s, 0, out[0], len[0], n);
      len[0] += n;
    });
    return Arrays.copyOf(out[0], len[0]);
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) p.resetPeakUsage();
  }

  private static long peakHeapMb() {
    long sum = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans())
      if (p.getType() == MemoryType.HEAP) sum += p.getPeakUsage().getUsed();
    return sum >> 20;
  }

  /** Samples the process's resident set (heap + native: model, ffmpeg, Vosk decoders) every 50 ms. */
  private static final class RssSampler {
    private final AtomicLong peakKb = new AtomicLong();
    private volatile boolean running = true;
    private Thread thread;

    void start() {
      thread = Thread.ofPlatform().daemon().start(() -> {
        while (running) {
          peakKb.accumulateAndGet(rssKb(), Math::max);
          try {
            Thread.sleep(50);
          } catch (InterruptedException e) {
            return;
          }
        }
      });
    }

    void reset() {
      peakKb.set(rssKb());
    }

    long peakMb() {
      return peakKb.get() >> 10;
    }

    void stop() {
      running = false;
      thread.interrupt();
    }

    static long rssKb() {
      try {
        for (String l : Files.readAllLines(Path.of("/proc/self/status")))
          if (l.startsWith("VmRSS:")) return Long.parseLong(l.replaceAll("\\D", ""));
      } catch (Exception e) {
        return 0;
      }
      return 0;
    }
  }
}
