package io.podinsights.transcript.speech;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Cuts a PCM stream into chunks of about the target length, only inside pauses: once a chunk reaches the target, it
 * is cut 150 ms before the end of the first 300 ms run of 10 ms frames quieter than an adaptive threshold (three times
 * the chunk's noise floor, at most half its median level), so at least 150 ms of pause lies on each side of the cut. If no pause comes before twice the target, it cuts at the quietest frame. Deterministic: the
 * same stream always gives the same chunks, which is what lets a restart reuse stored chunk results.
 */
public final class SilenceSplitter implements PcmSink {
  static final int FRAME = AudioDecoder.SAMPLE_RATE / 100;
  static final int MIN_PAUSE_FRAMES = 30;
  static final double ABSOLUTE_FLOOR_RMS = 150;
  /** Audio handed to the next chunk as its lead (engine warm-up), in samples. */
  static final int LEAD = 5 * AudioDecoder.SAMPLE_RATE;

  private final long target;
  private final long max;
  private final Consumer<AudioChunk> out;
  private short[] buf;
  private int len;
  private float[] frameRms;
  private int frames;
  private double threshold = -1;
  private int run;
  private long chunkStart;
  private int nextIndex;
  private short[] lead = new short[0];

  public SilenceSplitter(Duration targetLength, Consumer<AudioChunk> out) {
    this.target = targetLength.toMillis() * AudioDecoder.SAMPLE_RATE / 1000;
    if (target < FRAME * MIN_PAUSE_FRAMES * 2) throw new IllegalArgumentException("speech: chunk length too short");
    this.max = target * 2;
    this.out = Objects.requireNonNull(out);
    this.buf = new short[(int) Math.min(max + FRAME, 1 << 20)];
    this.frameRms = new float[(int) (max / FRAME) + 2];
  }

  @Override
  public void accept(short[] samples, int count) {
    int off = 0;
    while (off < count) {
      int room = (int) Math.min(count - off, (long) (frames + 1) * FRAME - len);
      ensureCapacity(len + room);
      System.arraycopy(samples, off, buf, len, room);
      len += room;
      off += room;
      if (len == (frames + 1) * FRAME) frameDone();
    }
  }

  /** Emits what is left as the last chunk. */
  public void finish() {
    if (len > 0) emit(len);
  }

  private void frameDone() {
    float rms = rms(buf, frames * FRAME, FRAME);
    frameRms[frames++] = rms;
    long length = (long) frames * FRAME;
    if (length < target) return;
    if (threshold < 0) {
      threshold = thresholdOf(frameRms, frames);
      run = 0;
      for (int f = frames - 1; f >= 0 && frameRms[f] < threshold; f--) run++;
    } else {
      run = rms < threshold ? run + 1 : 0;
    }
    if (run >= MIN_PAUSE_FRAMES) {
      emit((frames - MIN_PAUSE_FRAMES / 2) * FRAME);
    } else if (length >= max) {
      emit(quietestCut() * FRAME);
    }
  }

  private int quietestCut() {
    int from = (int) (target / FRAME);
    int best = frames - 1;
    for (int f = from; f < frames; f++) if (frameRms[f] <= frameRms[best]) best = f;
    return Math.max(1, best);
  }

  private void emit(int cut) {
    short[] samples = Arrays.copyOf(buf, cut);
    int cutFrames = cut / FRAME;
    double loudest = 0;
    for (int f = 0; f < cutFrames; f++) loudest = Math.max(loudest, frameRms[f]);
    if (cut % FRAME != 0) loudest = Math.max(loudest, rms(buf, cutFrames * FRAME, cut - cutFrames * FRAME));
    out.accept(new AudioChunk(nextIndex++, chunkStart, samples, loudest, lead));
    lead = Arrays.copyOfRange(samples, Math.max(0, cut - LEAD), cut);
    chunkStart += cut;
    int rest = len - cut;
    System.arraycopy(buf, cut, buf, 0, rest);
    len = rest;
    frames = 0;
    threshold = -1;
    run = 0;
    while ((long) (frames + 1) * FRAME <= len) frameRms[frames] = rms(buf, frames++ * FRAME, FRAME);
  }

  private void ensureCapacity(int n) {
    if (n > buf.length) buf = Arrays.copyOf(buf, Math.max(n, (int) Math.min((long) buf.length * 2, max + FRAME * 2L)));
  }

  static double thresholdOf(float[] rms, int n) {
    float[] sorted = Arrays.copyOf(rms, n);
    Arrays.sort(sorted);
    double floor = sorted[Math.min(n - 1, n / 10)];
    double median = sorted[n / 2];
    return Math.max(ABSOLUTE_FLOOR_RMS, Math.min(floor * 3, median / 2));
  }

  static float rms(short[] s, int from, int n) {
    double sum = 0;
    for (int i = from; i < from + n; i++) sum += (double) s[i] * s[i];
    return (float) Math.sqrt(sum / Math.max(1, n));
  }
}
