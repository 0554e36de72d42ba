package io.podinsights.transcript.speech;

/** Receives decoded 16 kHz mono signed 16-bit PCM as it streams out of the decoder. */
public interface PcmSink {

  /** Called once before the first samples, with what the container says about the audio. */
  default void begin(AudioInfo info) {}

  /** The next {@code count} samples; the array is reused after the call returns. */
  void accept(short[] samples, int count);
}
