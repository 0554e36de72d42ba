package io.podinsights.storage;

import java.time.Instant;
import java.util.Optional;

/** One episode's state in one stage, with the episode and show titles for display. */
public record StageRow(
    long episodeId,
    Stage stage,
    StageStatus status,
    int attempts,
    Optional<String> lastError,
    Instant nextAttemptAt,
    String episodeTitle,
    String showTitle) {}
