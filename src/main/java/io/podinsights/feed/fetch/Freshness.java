package io.podinsights.feed.fetch;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The caching hints of a response ({@code Cache-Control: max-age}, {@code Expires}) that the poll policy honours. */
public record Freshness(Optional<Duration> maxAge, Optional<Instant> expires) {
  public Freshness {
    if (maxAge == null || expires == null) throw new IllegalArgumentException("fetch: freshness fields must be Optional");
  }

  public static Freshness none() {
    return new Freshness(Optional.empty(), Optional.empty());
  }
}
