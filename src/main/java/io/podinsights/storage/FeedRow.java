package io.podinsights.storage;

import java.time.Instant;
import java.util.Optional;

/** A subscribed feed with its polling state: validators, failures with the last error, and the next poll time. */
public record FeedRow(
    long id,
    String url,
    String title,
    FeedStatus status,
    int consecutiveFailures,
    Optional<String> lastError,
    Optional<String> recovered,
    Optional<String> etag,
    Optional<String> lastModified,
    Optional<Instant> lastPolledAt,
    Instant nextPollAt) {}
