package io.podinsights.transcript.speech;

import java.time.Duration;
import java.util.Objects;

/**
 * A stretch of 16 kHz mono PCM cut from an episode at a pause: its place in the episode, its samples, and how loud
 * its loudest 10 ms frame is (so all-silent chunks can skip recognition).
 */
public record AudioChunk(int index, long startSample, short[] samples, double loudestFrameRms) {
  /** Below this RMS (about -55 dBFS) a whole chunk counts as silence. */
  public static final double SILENT_RMS = 60;

  public AudioChunk {
    Objects.requireNonNull(samples, "speech: chunk samples");
    if (index < 0 || startSample < 0) throw new IllegalArgumentException("speech: negative chunk position");
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
