package io.podinsights.storage;

import io.podinsights.podcast.Show;
import java.time.Instant;
import java.util.Optional;

/** What one poll of a feed produced, as the repository records it on the feed row. */
public sealed interface FeedPollOutcome {
  Instant polledAt();

  Instant nextPollAt();

  /** The feed was fetched and parsed: the show's details and the new validators. */
  record Fetched(
      Show show,
      Optional<String> etag,
      Optional<String> lastModified,
      Optional<String> recovered,
      Instant polledAt,
      Instant nextPollAt)
      implements FeedPollOutcome {}

  /** The server said nothing changed. */
  record NotModified(Instant polledAt, Instant nextPollAt) implements FeedPollOutcome {}

  /** The poll failed; {@code failures} counts consecutive failures including this one. */
  record Failed(String error, int failures, FeedStatus status, Instant polledAt, Instant nextPollAt)
      implements FeedPollOutcome {}
}
