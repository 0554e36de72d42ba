package io.podinsights.ranking;

import java.time.Instant;
import java.util.Objects;

/**
 * A mined insight that may go into a digest: its id, the show and episode it came from (any stable keys), its
 * quality in [0, 1], when it was mined, and its embedding ({@code float[0]} when there is none).
 */
public record Candidate(
    long insightId, String showKey, String episodeKey, double quality, Instant minedAt, float[] embedding) {

  public Candidate {
    if (showKey == null || showKey.isBlank()) throw new IllegalArgumentException("ranking: insight " + insightId + " has no show key");
    if (episodeKey == null || episodeKey.isBlank()) throw new IllegalArgumentException("ranking: insight " + insightId + " has no episode key");
    if (!Double.isFinite(quality) || quality < 0) {
      throw new IllegalArgumentException("ranking: insight " + insightId + " has quality " + quality + "; expected a finite value >= 0");
    }
    Objects.requireNonNull(minedAt, "ranking: minedAt");
    embedding = Objects.requireNonNull(embedding, "ranking: embedding (use new float[0] for none)").clone();
  }

  /** A copy, so the record stays immutable. */
  @Override
  public float[] embedding() {
    return embedding.clone();
  }
}
