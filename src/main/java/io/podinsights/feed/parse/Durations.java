package io.podinsights.feed.parse;

import java.time.Duration;
import java.util.Optional;

/** Reads episode durations in the forms feeds use: {@code 1:02:03}, {@code 62:03}, {@code 3723}, {@code 3723.5}. */
final class Durations {
  private static final long MAX_SECONDS = 1000L * 3600;

  private Durations() {}

  static Optional<Duration> parse(String raw) {
    if (raw == null) return Optional.empty();
    String s = raw.strip();
    if (s.isEmpty() || s.length() > 32) return Optional.empty();
    String[] parts = s.split(":", -1);
    if (parts.length > 3) return Optional.empty();
    double total = 0;
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i].strip();
      boolean last = i == parts.length - 1;
      if (p.isEmpty() || !p.chars().allMatch(c -> (c >= '0' && c <= '9') || (last && c == '.'))) {
        return Optional.empty();
      }
      double v;
      try {
        v = Double.parseDouble(p);
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
      total = total * 60 + v;
    }
    if (total <= 0 || total > MAX_SECONDS || Double.isNaN(total)) return Optional.empty();
    return Optional.of(Duration.ofMillis(Math.round(total * 1000)));
  }
}
