package io.podinsights.storage;

import io.podinsights.insight.Insight;
import java.time.Instant;
import java.util.Optional;

/** An insight as stored, with what a digest needs to show it: show, episode, links, provenance, embedding. */
public record StoredInsight(
    long id,
    long episodeId,
    long feedId,
    String showTitle,
    String episodeTitle,
    String episodeLink,
    Optional<String> enclosureUrl,
    String provenance,
    Insight insight,
    float[] embedding,
    Instant createdAt) {}
