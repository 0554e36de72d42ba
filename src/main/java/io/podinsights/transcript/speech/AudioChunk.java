package io.podinsights.transcript.speech;

import java.time.Duration;
import java.util.Objects;

/**
 * A stretch of 16 kHz mono PCM cut from an episode at a pause: its place in the episode, its samples, how loud its
 * loudest 10 ms frame is (so all-silent chunks can skip recognition), and the few seconds of audio just before it
 * ({@code lead}, empty for the first chunk) that an engine may listen to first to adapt, without transcribing them.
 */
public record AudioChunk(int index, long startSample, short[] samples, double loudestFrameRms, short[] lead) {
  /** Below this RMS (about -55 dBFS) a whole chunk counts as silence. */
  public static final double SILENT_RMS = 60;

  public AudioChunk {
    Objects.requireNonNull(samples, "speech: chunk samples");
    Objects.requireNonNull(lead, "speech: chunk lead");
    if (index < 0 || startSample < 0) throw new IllegalArgumentException("speech: negative chunk position");
  }

  public AudioChunk(int index, long startSample, short[] samples, double loudestFrameRms) {
    this(index, startSample, samples, loudestFrameRms, new short[0]);
  }

  public double startSeconds() {
    return startSample / (double) AudioDecoder.SAMPLE_RATE;
  }

  public double endSeconds() {
    return (startSample + samples.length) / (double) AudioDecoder.SAMPLE_RATE;
  }

  public Duration length() {
    return Duration.ofNanos(samples.length * 1_000_000_000L / AudioDecoder.SAMPLE_RATE);
  }

  public boolean silent() {
    return loudestFrameRms < SILENT_RMS;
  }
}
