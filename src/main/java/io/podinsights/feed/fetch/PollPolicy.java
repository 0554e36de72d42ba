package io.podinsights.feed.fetch;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * When to poll a feed next (pure). After a success: max(base interval, feed ttl / updateFrequency, max-age, Expires,
 * Retry-After), capped at {@code maxInterval}. After a failure: base x consecutive failures, capped, but never earlier
 * than Retry-After (itself bounded by {@code maxRetryAfter}). After 410 Gone: never (empty).
 */
public record PollPolicy(Duration baseInterval, Duration maxInterval, Duration maxRetryAfter) {
  public PollPolicy {
    if (baseInterval == null || !baseInterval.isPositive()) throw new IllegalArgumentException("poll: base interval must be positive");
    if (maxInterval == null || maxInterval.compareTo(baseInterval) < 0) {
      throw new IllegalArgumentException("poll: max interval must be at least the base interval");
    }
    if (maxRetryAfter == null || maxRetryAfter.isNegative()) throw new IllegalArgumentException("poll: max Retry-After must not be negative");
  }

  /** 1 h base, 24 h cap, Retry-After honoured up to 7 days. */
  public static PollPolicy defaults() {
    return new PollPolicy(Duration.ofHours(1), Duration.ofHours(24), Duration.ofDays(7));
  }

  /** The next poll time after {@code outcome} observed at {@code now}; empty means never. */
  public Optional<Instant> nextPoll(Instant now, PollOutcome outcome) {
    return switch (outcome) {
      case PollOutcome.Gone g -> Optional.empty();
      case PollOutcome.Succeeded s -> {
        Duration wanted = Stream.of(Optional.of(baseInterval), s.feedInterval(), s.freshness().maxAge(),
                PollOutcome.untilExpiry(s.freshness(), now), s.retryAfter())
            .flatMap(Optional::stream)
            .max(Duration::compareTo)
            .orElse(baseInterval);
        yield Optional.of(now.plus(atLeastRetryAfter(min(wanted, maxInterval), s.retryAfter())));
      }
      case PollOutcome.Failed f -> {
        Duration backoff = baseInterval.multipliedBy(Math.min(f.consecutiveFailures(), 10_000));
        yield Optional.of(now.plus(atLeastRetryAfter(min(backoff, maxInterval), f.retryAfter())));
      }
    };
  }

  private Duration atLeastRetryAfter(Duration d, Optional<Duration> retryAfter) {
    Duration floor = retryAfter.map(r -> min(r, maxRetryAfter)).orElse(Duration.ZERO);
    return d.compareTo(floor) >= 0 ? d : floor;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
