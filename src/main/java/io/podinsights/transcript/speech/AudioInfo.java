package io.podinsights.transcript.speech;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** What the container declares about an audio stream before decoding: codec, source rate, channels, length. */
public record AudioInfo(String codec, int sampleRate, int channels, Optional<Duration> declaredLength) {
  public AudioInfo {
    Objects.requireNonNull(codec, "speech: codec");
    Objects.requireNonNull(declaredLength, "speech: declared length");
  }
}
