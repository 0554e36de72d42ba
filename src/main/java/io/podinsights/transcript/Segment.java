package io.podinsights.transcript;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** A stretch of speech: when it starts and ends, who speaks (when known), and what is said. */
public record Segment(Duration start, Duration end, Optional<String> speaker, String text) {
  public Segment {
    Objects.requireNonNull(start, "segment: start");
    Objects.requireNonNull(end, "segment: end");
    Objects.requireNonNull(speaker, "segment: speaker");
    Objects.requireNonNull(text, "segment: text");
    if (start.isNegative()) throw new IllegalArgumentException("segment: negative start " + start);
    if (end.compareTo(start) < 0) end = start;
    speaker = speaker.map(String::strip).filter(s -> !s.isEmpty());
  }

  public static Segment of(double startSeconds, double endSeconds, String speaker, String text) {
    return new Segment(seconds(startSeconds), seconds(endSeconds), Optional.ofNullable(speaker), text);
  }

  static Duration seconds(double s) {
    return Duration.ofNanos(Math.round(Math.max(0, s) * 1_000_000_000d));
  }
}
