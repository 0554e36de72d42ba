package io.podinsights.feed.fetch;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** What the last poll of a feed told us, as far as scheduling the next one goes. */
public sealed interface PollOutcome permits PollOutcome.Succeeded, PollOutcome.Failed, PollOutcome.Gone {

  /** A 200 or 304, with the feed's own hints ({@code ttl} or {@code podcast:updateFrequency}) and the HTTP ones. */
  record Succeeded(Optional<Duration> feedInterval, Freshness freshness, Optional<Duration> retryAfter)
      implements PollOutcome {
    public Succeeded {
      if (feedInterval == null || freshness == null || retryAfter == null) {
        throw new IllegalArgumentException("poll: success hints must be Optional, not null");
      }
    }
  }

  /** The poll failed; {@code consecutiveFailures} includes this one (so it is at least 1). */
  record Failed(int consecutiveFailures, Optional<Duration> retryAfter) implements PollOutcome {
    public Failed {
      if (consecutiveFailures < 1) throw new IllegalArgumentException("poll: a failure counts at least 1, got " + consecutiveFailures);
      if (retryAfter == null) throw new IllegalArgumentException("poll: retryAfter must be Optional, not null");
    }
  }

  /** 410 Gone: never poll again (until the user asks). */
  record Gone() implements PollOutcome {}

  /**
   * The outcome of one fetch; {@code feedInterval} comes from the parsed feed, {@code previousFailures} from the
   * feed's row (reset by a success).
   */
  static PollOutcome of(FetchResult result, Optional<Duration> feedInterval, int previousFailures) {
    return switch (result) {
      case FetchResult.Fetched f -> new Succeeded(feedInterval, f.freshness(), Optional.empty());
      case FetchResult.NotModified n -> new Succeeded(feedInterval, n.freshness(), Optional.empty());
      case FetchResult.Failed f -> f.error().kind() == FetchError.Kind.GONE
          ? new Gone()
          : new Failed(previousFailures + 1, f.error().retryAfter());
    };
  }

  /** Convenience for a parsed Expires value relative to {@code now}. */
  static Optional<Duration> untilExpiry(Freshness f, Instant now) {
    return f.expires().map(e -> Duration.between(now, e)).filter(d -> d.isPositive());
  }
}
