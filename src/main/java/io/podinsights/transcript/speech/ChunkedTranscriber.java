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
    ChunkStore store = ChunkStore.open(job.workDir(), fingerprint(job));
    long started = clock.millis();
    Map<Integer, ChunkResult> results = new ConcurrentHashMap<>();
    AtomicLong doneSamples = new AtomicLong();
    AtomicLong totalSamples = new AtomicLong();
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
      TranscriptionProgress p = new TranscriptionProgress(TranscriptionProgress.State.RUNNING,
          doneSamples.get() / (double) AudioDecoder.SAMPLE_RATE, totalSamples.get() / (double) AudioDecoder.SAMPLE_RATE,
          (clock.millis() - started) / 1000.0, clock.millis(), engine.name());
      synchronized (store) {
        store.writeProgress(p);
      }
      listener.onProgress(p);
    };
    DecodeReport report0;
    try {
      SilenceSplitter splitter = new SilenceSplitter(chunkLength, chunk -> {
        if (failure.get() != null) throw new Aborted();
        var stored = store.load(chunk.index(), chunk.startSample());
        if (stored.isPresent() && stored.get().sampleCount() == chunk.samples().length) {
          results.put(chunk.index(), stored.get());
          resumed.incrementAndGet();
          doneSamples.addAndGet(chunk.samples().length);
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
            doneSamples.addAndGet(chunk.samples().length);
            report.run();
          } catch (Throwable t) {
            failure.compareAndSet(null, t);
          } finally {
            inFlight.release();
          }
        }));
      });
      try {
        report0 = decoder.decode(job.audio(), new PcmSink() {
          @Override
          public void begin(AudioInfo info) {
            info.declaredLength().ifPresent(d -> totalSamples.set(d.toMillis() * AudioDecoder.SAMPLE_RATE / 1000));
          }

          @Override
          public void accept(short[] samples, int count) {
            splitter.accept(samples, count);
          }
        });
        splitter.finish();
      } catch (Aborted e) {
        report0 = null;
      }
      for (Future<?> f : futures) waitFor(f);
      if (failure.get() != null) throw rethrow(failure.get());
      totalSamples.set(report0.samples());
    } catch (RuntimeException | Error e) {
      pool.shutdownNow();
      writeFinal(store, TranscriptionProgress.State.FAILED, doneSamples.get(), totalSamples.get(), started);
      throw e;
    } finally {
      pool.shutdownNow();
      awaitQuietly(pool);
      for (SpeechEngine.Worker w : opened) w.close();
    }
    List<ChunkResult> ordered = results.values().stream()
        .sorted(java.util.Comparator.comparingInt(ChunkResult::index)).toList();
    List<Word> words = ordered.stream().flatMap(r -> r.words().stream()).toList();
    List<Phrase> phrases = ordered.stream().flatMap(r -> r.phrases().stream()).toList();
    List<Segment> segments = new ArrayList<>(SentenceBuilder.segments(words));
    segments.addAll(SentenceBuilder.fromPhrases(phrases));
    segments.sort(java.util.Comparator.comparing(Segment::start));
    writeFinal(store, TranscriptionProgress.State.DONE, doneSamples.get(), totalSamples.get(), started);
    Transcript transcript = new Transcript(segments, new TranscriptSource.Transcribed(engine.name(), engine.model()));
    return new SpeechResult(transcript, words, report0, ordered.size(), recognised.get(), resumed.get());
  }

  private void writeFinal(ChunkStore store, TranscriptionProgress.State state, long done, long total, long started) {
    try {
      store.writeProgress(new TranscriptionProgress(state, done / (double) AudioDecoder.SAMPLE_RATE,
          Math.max(done, total) / (double) AudioDecoder.SAMPLE_RATE, (clock.millis() - started) / 1000.0, clock.millis(),
          engine.name()));
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
          "chunk-ms=" + chunkLength.toMillis(), "format=1") + "\n";
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
