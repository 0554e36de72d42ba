package io.podinsights.ranking;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Picks today's top N insights: relevance = quality x novelty (exponential decay by age since mining), then greedy
 * maximal marginal relevance over embeddings, at most {@code maxPerShow} per show and {@code maxPerEpisode} per
 * episode unless there are not enough candidates otherwise. Deterministic: ties go to higher quality, then the more
 * recently mined, then the lower id. Pure: the caller loads candidates and records what was sent.
 */
public final class Ranker {

  private static final Comparator<Scored> BY_RELEVANCE =
      Comparator.comparingDouble(Scored::relevance).reversed()
          .thenComparing(Comparator.comparingDouble((Scored s) -> s.candidate().quality()).reversed())
          .thenComparing((Scored s) -> s.candidate().minedAt(), Comparator.reverseOrder())
          .thenComparingLong(s -> s.candidate().insightId());

  private final RankingPolicy policy;
  private final InstantSource clock;

  public Ranker(RankingPolicy policy, InstantSource clock) {
    this.policy = Objects.requireNonNull(policy, "ranking: policy");
    this.clock = Objects.requireNonNull(clock, "ranking: clock");
  }

  /** The picks in digest order (best first); fewer than {@code size} only when the candidates run out. */
  public List<Ranked> rank(RankRequest request) {
    Instant now = clock.instant();
    List<Scored> pool = score(request, now);
    double maxRelevance = pool.stream().mapToDouble(Scored::relevance).max().orElse(0);
    List<Ranked> picked = new ArrayList<>();
    Map<String, Integer> perShow = new HashMap<>();
    Map<String, Integer> perEpisode = new HashMap<>();
    for (Ranked.Diversity tier : Ranked.Diversity.values()) {
      while (picked.size() < policy.size()) {
        Choice best = null;
        for (Scored s : pool) {
          if (!allowed(s.candidate(), tier, perShow, perEpisode)) continue;
          double similarity = maxSimilarity(s.candidate(), picked);
          if (similarity >= policy.duplicateSimilarity()) continue;
          double normalised = maxRelevance > 0 ? s.relevance() / maxRelevance : 0;
          double mmr = policy.relevanceWeight() * normalised - (1 - policy.relevanceWeight()) * similarity;
          // Strictly greater: the pool is in tie-break order, so the first of equals wins.
          if (best == null || mmr > best.mmr()) best = new Choice(s, mmr, similarity);
        }
        if (best == null) break;
        Candidate c = best.scored().candidate();
        picked.add(new Ranked(c, best.scored().relevance(), best.scored().novelty(), best.similarity(), tier));
        pool.remove(best.scored());
        perShow.merge(c.showKey(), 1, Integer::sum);
        perEpisode.merge(episodeOf(c), 1, Integer::sum);
      }
    }
    return List.copyOf(picked);
  }

  /** Novelty in (0, 1]: 1 when just mined (or mined "in the future"), 0.5 at one half-life. */
  public double novelty(Instant minedAt, Instant now) {
    Duration age = Duration.between(minedAt, now);
    if (age.isNegative()) return 1;
    return Math.pow(0.5, (double) age.toMillis() / policy.noveltyHalfLife().toMillis());
  }

  private List<Scored> score(RankRequest request, Instant now) {
    Map<Long, Scored> byId = new LinkedHashMap<>();
    for (Candidate c : request.candidates()) {
      if (request.alreadySent().contains(c.insightId())) continue;
      double novelty = novelty(c.minedAt(), now);
      Scored s = new Scored(c, c.quality() * novelty, novelty);
      byId.merge(c.insightId(), s, (a, b) -> BY_RELEVANCE.compare(a, b) <= 0 ? a : b);
    }
    List<Scored> pool = new ArrayList<>(byId.values());
    pool.sort(BY_RELEVANCE);
    return pool;
  }

  private boolean allowed(Candidate c, Ranked.Diversity tier, Map<String, Integer> perShow, Map<String, Integer> perEpisode) {
    int show = perShow.getOrDefault(c.showKey(), 0);
    int episode = perEpisode.getOrDefault(episodeOf(c), 0);
    return switch (tier) {
      case STRICT -> show < policy.maxPerShow() && episode < policy.maxPerEpisode();
      case SHOW_CAP_LIFTED -> episode < policy.maxPerEpisode();
      case ALL_CAPS_LIFTED -> true;
    };
  }

  private static double maxSimilarity(Candidate c, List<Ranked> picked) {
    double max = 0;
    for (Ranked r : picked) max = Math.max(max, c.similarity(r.candidate()));
    return max;
  }

  /** Episode keys are only unique within a show. */
  private static String episodeOf(Candidate c) {
    return c.showKey() + "\u0000" + c.episodeKey();
  }

  private record Scored(Candidate candidate, double relevance, double novelty) {}

  private record Choice(Scored scored, double mmr, double similarity) {}
}
