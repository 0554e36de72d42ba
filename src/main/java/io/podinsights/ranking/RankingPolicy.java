package io.podinsights.ranking;

import java.time.Duration;
import java.util.Objects;

/**
 * How the ranker picks: how many ({@code size}), how fast novelty decays ({@code noveltyHalfLife}: an insight this old
 * counts half), the per-show and per-episode caps (lifted only when there are not enough candidates otherwise), the
 * MMR trade-off ({@code relevanceWeight}: 1 = relevance only, 0 = diversity only) and the cosine similarity at or above
 * which two insights are the same idea and never both sent.
 */
public record RankingPolicy(
    int size,
    Duration noveltyHalfLife,
    int maxPerShow,
    int maxPerEpisode,
    double relevanceWeight,
    double duplicateSimilarity) {

  public static final RankingPolicy DEFAULTS = new RankingPolicy(5, Duration.ofDays(3), 2, 1, 0.7, 0.92);

  public RankingPolicy {
    if (size < 1) throw new IllegalArgumentException("ranking: size must be at least 1, got " + size);
    Objects.requireNonNull(noveltyHalfLife, "ranking: noveltyHalfLife");
    if (noveltyHalfLife.isNegative() || noveltyHalfLife.isZero()) {
      throw new IllegalArgumentException("ranking: noveltyHalfLife must be positive, got " + noveltyHalfLife);
    }
    if (maxPerShow < 1) throw new IllegalArgumentException("ranking: maxPerShow must be at least 1, got " + maxPerShow);
    if (maxPerEpisode < 1) throw new IllegalArgumentException("ranking: maxPerEpisode must be at least 1, got " + maxPerEpisode);
    if (!(relevanceWeight >= 0 && relevanceWeight <= 1)) {
      throw new IllegalArgumentException("ranking: relevanceWeight must be in [0, 1], got " + relevanceWeight);
    }
    if (!(duplicateSimilarity > 0 && duplicateSimilarity <= 1)) {
      throw new IllegalArgumentException("ranking: duplicateSimilarity must be in (0, 1], got " + duplicateSimilarity);
    }
  }

  public RankingPolicy withSize(int newSize) {
    return new RankingPolicy(newSize, noveltyHalfLife, maxPerShow, maxPerEpisode, relevanceWeight, duplicateSimilarity);
  }
}
