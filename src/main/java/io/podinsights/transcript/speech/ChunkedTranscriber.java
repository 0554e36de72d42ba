package io.podinsights.transcript.speech;

import io.podinsights.transcript.Segment;
import io.podinsights.transcript.Transcript;
import io.podinsights.transcript.TranscriptSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The speech pipeline: decode (streamed) -> cut at silences -> recognise chunks on a pool sized to the cores, one
 * engine worker per thread -> store each finished chunk -> merge in order into sentence-cased segments. At most
 * {@code workers + 1} chunks are in memory at once, whatever the episode's length. Chunks already stored by an earlier,
 * interrupted run are reused instead of recognised again.
 */
public final class ChunkedTranscriber implements Transcriber {
  private final SpeechEngine engine;
  private final AudioDecoder decoder;
  private final int workers;
  private final Duration chunkLength;
  private final InstantSource clock;

  public ChunkedTranscriber(SpeechEngine engine, SpeechConfig config, InstantSource clock) {
    this.engine = Objects.requireNonNull(engine, "speech: engine");
    this.decoder = new AudioDecoder();
    this.workers = config.workers();
    this.chunkLength = config.chunkLength();
    this.clock = Objects.requireNonNull(clock, "speech: clock");
  }

  public SpeechEngine engine() {
    return engine;
  }

  @Override
  public SpeechResult transcribe(TranscriptionJob job, ProgressListener listener) {
    long started = clock.millis();
    if (!decoder.channelsCarryDifferentSpeakers(job.audio())) {
      Pass pass = runPass(job, AudioDecoder.Channel.MIX, job.workDir(), new Tally(started, 1), listener);
      List<SentenceBuilder.Built> segments = merge(pass.words(), pass.phrases(), Optional.empty());
      return result(segments, pass.words(), pass.report(), pass, Optional.empty());
    }
    // Dual-mono recording (one speaker per channel): a downmix would overlap them, so each channel is recognised alone.
    Tally tally = new Tally(started, 2);
    Pass left = runPass(job, AudioDecoder.Channel.LEFT, job.workDir().resolve("left"), tally, listener);
    Pass right = runPass(job, AudioDecoder.Channel.RIGHT, job.workDir().resolve("right"), tally, listener);
    List<SentenceBuilder.Built> segments = new ArrayList<>(merge(left.words(), left.phrases(), Optional.of("left channel")));
    segments.addAll(merge(right.words(), right.phrases(), Optional.of("right channel")));
    segments.sort(java.util.Comparator.comparing(b -> b.segment().start()));
    List<Word> words = new ArrayList<>(left.words());
    words.addAll(right.words());
    words.sort(java.util.Comparator.comparingDouble(Word::start));
    return result(segments, words, left.report(), left, Optional.of(right));
  }

  private SpeechResult result(List<SentenceBuilder.Built> segments, List<Word> words, DecodeReport report, Pass a,
      Optional<Pass> b) {
    Transcript transcript = new Transcript(segments.stream().map(SentenceBuilder.Built::segment).toList(),
        new TranscriptSource.Transcribed(engine.name(), engine.model()));
    return new SpeechResult(transcript, words, segments.stream().map(SentenceBuilder.Built::words).toList(), report, a.chunks() + b.map(Pass::chunks).orElse(0),
        a.recognised() + b.map(Pass::recognised).orElse(0), a.resumed() + b.map(Pass::resumed).orElse(0));
  }

  private static List<SentenceBuilder.Built> merge(List<Word> words, List<Phrase> phrases, Optional<String> speaker) {
    List<SentenceBuilder.Built> segments = new ArrayList<>(SentenceBuilder.build(words));
    SentenceBuilder.fromPhrases(phrases).forEach(p -> segments.add(new SentenceBuilder.Built(p, List.of())));
    segments.sort(java.util.Comparator.comparing(b -> b.segment().start()));
    return segments.stream().map(b -> new SentenceBuilder.Built(
        new Segment(b.segment().start(), b.segment().end(), speaker, b.segment().text()), b.words())).toList();
  }

  /** One channel's (or the downmix's) recognised chunks, merged in order. */
  private record Pass(List<Word> words, List<Phrase> phrases, DecodeReport report, int chunks, int recognised, int resumed) {}

  /** Progress across passes: audio seconds done of the total, for every pass of the job. */
  private static final class Tally {
    final long started;
    final int passes;
    final AtomicLong doneSamples = new AtomicLong();
    final AtomicLong passTotal = new AtomicLong();

    Tally(long started, int passes) {
      this.started = started;
      this.passes = passes;
    }

    boolean lastPass(AudioDecoder.Channel channel) {
      return passes == 1 || channel == AudioDecoder.Channel.RIGHT;
    }
  }

  private Pass runPass(TranscriptionJob job, AudioDecoder.Channel channel, java.nio.file.Path workDir, Tally tally,
      ProgressListener listener) {
    ChunkStore store = ChunkStore.open(workDir, fingerprint(job) + "channel=" + channel + "\n");
    Map<Integer, ChunkResult> results = new ConcurrentHashMap<>();
    AtomicInteger recognised = new AtomicInteger();
    AtomicInteger resumed = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Semaphore inFlight = new Semaphore(workers + 1);
    List<Future<?>> futures = new ArrayList<>();
    ConcurrentLinkedQueue<SpeechEngine.Worker> opened = new ConcurrentLinkedQueue<>();
    ThreadLocal<SpeechEngine.Worker> perThread = ThreadLocal.withInitial(() -> {
      SpeechEngine.Worker w = engine.newWorker();
      opened.add(w);
      return w;
    });
    ExecutorService pool = Executors.newFixedThreadPool(workers, daemonThreads());
    Runnable report = () -> {
      TranscriptionProgress p = progress(TranscriptionProgress.State.RUNNING, tally);
      synchronized (tally) {
        ChunkStore.writeProgress(job.workDir(), p);
      }
      listener.onProgress(p);
    };
    DecodeReport decoded;
    try {
      SilenceSplitter splitter = new SilenceSplitter(chunkLength, chunk -> {
        if (failure.get() != null) throw new Aborted();
        var stored = store.load(chunk.index(), chunk.startSample());
        if (stored.isPresent() && stored.get().sampleCount() == chunk.samples().length) {
          results.put(chunk.index(), stored.get());
          resumed.incrementAndGet();
          tally.doneSamples.addAndGet(chunk.samples().length);
          report.run();
          return;
        }
        inFlight.acquireUninterruptibly();
        futures.add(pool.submit(() -> {
          try {
            if (failure.get() != null) return;
            ChunkResult r = chunk.silent() ? ChunkResult.empty(chunk) : perThread.get().recognize(chunk);
            store.save(r);
            results.put(chunk.index(), r);
            recognised.incrementAndGet();
            tally.doneSamples.addAndGet(chunk.samples().length);
            report.run();
          } catch (Throwable t) {
            failure.compareAndSet(null, t);
          } finally {
            inFlight.release();
          }
        }));
      });
      try {
        decoded = decoder.decode(job.audio(), channel, new PcmSink() {
          @Override
          public void begin(AudioInfo info) {
            info.declaredLength().ifPresent(d -> tally.passTotal.compareAndSet(0, d.toMillis() * AudioDecoder.SAMPLE_RATE / 1000));
          }

          @Override
          public void accept(short[] samples, int count) {
            splitter.accept(samples, count);
          }
        });
        splitter.finish();
      } catch (Aborted e) {
        decoded = null;
      }
      for (Future<?> f : futures) waitFor(f);
      if (failure.get() != null) throw rethrow(failure.get());
      tally.passTotal.set(decoded.samples());
    } catch (RuntimeException | Error e) {
      pool.shutdownNow();
      writeQuietly(job.workDir(), tally, progress(TranscriptionProgress.State.FAILED, tally));
      throw e;
    } finally {
      pool.shutdownNow();
      awaitQuietly(pool);
      for (SpeechEngine.Worker w : opened) w.close();
    }
    writeQuietly(job.workDir(), tally, progress(
        tally.lastPass(channel) ? TranscriptionProgress.State.DONE : TranscriptionProgress.State.RUNNING, tally));
    List<ChunkResult> ordered = results.values().stream()
        .sorted(java.util.Comparator.comparingInt(ChunkResult::index)).toList();
    return new Pass(ordered.stream().flatMap(r -> r.words().stream()).toList(),
        ordered.stream().flatMap(r -> r.phrases().stream()).toList(), decoded, ordered.size(), recognised.get(), resumed.get());
  }

  private TranscriptionProgress progress(TranscriptionProgress.State state, Tally tally) {
    double done = tally.doneSamples.get() / (double) AudioDecoder.SAMPLE_RATE;
    double total = Math.max(done, tally.passTotal.get() * (double) tally.passes / AudioDecoder.SAMPLE_RATE);
    return new TranscriptionProgress(state, done, total, (clock.millis() - tally.started) / 1000.0, clock.millis(), engine.name());
  }

  private static void writeQuietly(java.nio.file.Path workDir, Tally tally, TranscriptionProgress p) {
    try {
      synchronized (tally) {
        ChunkStore.writeProgress(workDir, p);
      }
    } catch (SpeechException e) {
      // the failure being reported matters more than the progress file
    }
  }

  /** Identifies input and settings, so stored chunks are reused only for the same file, engine, model and chunking. */
  String fingerprint(TranscriptionJob job) {
    try (InputStream in = Files.newInputStream(job.audio())) {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(in.readNBytes(1 << 16));
      return String.join("\n", "file-size=" + Files.size(job.audio()),
          "file-head-sha256=" + HexFormat.of().formatHex(sha.digest()), "engine=" + engine.name(), "model=" + engine.model(),
          "chunk-ms=" + chunkLength.toMillis(), "format=3") + "\n";
    } catch (IOException e) {
      AudioDecoder.sniff(job.audio(), String.valueOf(job.audio().getFileName()));
      throw new SpeechException(SpeechException.Kind.UNREADABLE, "speech: cannot read " + job.audio() + " (" + e.getMessage() + ")", e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void waitFor(Future<?> f) {
    try {
      f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SpeechException(SpeechException.Kind.ENGINE, "speech: interrupted; finished chunks are kept and the next run resumes", e);
    } catch (ExecutionException e) {
      throw rethrow(e.getCause());
    }
  }

  private static RuntimeException rethrow(Throwable t) {
    if (t instanceof SpeechException s) return s;
    if (t instanceof RuntimeException r) return r;
    if (t instanceof Error err) throw err;
    return new SpeechException(SpeechException.Kind.ENGINE, "speech: recognition failed (" + t + ")", t);
  }

  private static void awaitQuietly(ExecutorService pool) {
    try {
      pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "speech-worker-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public void close() {
    engine.close();
  }

  /** Stops the decoder once a worker has failed. */
  private static final class Aborted extends RuntimeException {
    Aborted() {
      super("speech: aborted after a worker failed", null, false, false);
    }
  }
}
