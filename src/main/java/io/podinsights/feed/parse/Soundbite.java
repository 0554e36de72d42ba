package io.podinsights.feed.parse;

import java.time.Duration;
import java.util.Objects;

/** A {@code podcast:soundbite}: a moment the publisher recommends, from {@code start} for {@code length}. */
public record Soundbite(Duration start, Duration length, String title) {
  public Soundbite {
    if (start.isNegative() || length.isNegative() || length.isZero()) {
      throw new IllegalArgumentException("soundbite: start must be >= 0 and length > 0");
    }
    title = Objects.requireNonNullElse(title, "");
  }
}
