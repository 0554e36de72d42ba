package io.podinsights.feed.parse;

import java.util.Optional;

/** A field several elements can fill: the value from the highest-ranked source wins (e.g. content:encoded over description). */
final class Ranked<T> {
  private T value;
  private int rank = Integer.MIN_VALUE;

  void offer(T candidate, int candidateRank) {
    if (candidate == null) return;
    if (candidate instanceof String s && s.isBlank()) return;
    if (candidateRank > rank) {
      value = candidate;
      rank = candidateRank;
    }
  }

  Optional<T> get() {
    return Optional.ofNullable(value);
  }

  T orElse(T fallback) {
    return value == null ? fallback : value;
  }
}
