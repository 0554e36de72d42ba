package io.podinsights.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** When a failed stage is tried again: {@code firstDelay} doubling per attempt, capped at a day; none after the last. */
public record RetryPolicy(int maxAttempts, Duration firstDelay) {
  private static final Duration CAP = Duration.ofDays(1);

  public RetryPolicy {
    if (maxAttempts < 1) throw new IllegalArgumentException("pipeline: max-attempts must be at least 1");
    if (!firstDelay.isPositive()) throw new IllegalArgumentException("pipeline: retry-delay must be positive");
  }

  /** The retry time after the {@code attempts}-th failed attempt, or empty when it was the last one. */
  public Optional<Instant> retryAt(Instant now, int attempts) {
    if (attempts >= maxAttempts) return Optional.empty();
    Duration delay = firstDelay.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
    return Optional.of(now.plus(delay.compareTo(CAP) > 0 ? CAP : delay));
  }
}
