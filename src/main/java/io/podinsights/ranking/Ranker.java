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
    int n = pool.size();
    double maxRelevance = pool.stream().mapToDouble(Scored::relevance).max().orElse(0);
    // maxSimilarity[i]: highest cosine of pool[i] to anything picked so far, updated once per pick.
    double[] maxSimilarity = new double[n];
    boolean[] taken = new boolean[n];
    List<Ranked> picked = new ArrayList<>();
    Map<String, Integer> perShow = new HashMap<>();
    Map<String, Integer> perEpisode = new HashMap<>();
    for (Ranked.Diversity tier : Ranked.Diversity.values()) {
      while (picked.size() < policy.size()) {
        int best = -1;
        double bestMmr = 0;
        for (int i = 0; i < n; i++) {
          if (taken[i] || maxSimilarity[i] >= policy.duplicateSimilarity()) continue;
          Candidate c = pool.get(i).candidate();
          if (!allowed(c, tier, perShow, perEpisode)) continue;
          double normalised = maxRelevance > 0 ? pool.get(i).relevance() / maxRelevance : 0;
          double mmr = policy.relevanceWeight() * normalised - (1 - policy.relevanceWeight()) * maxSimilarity[i];
          // Strictly greater: the pool is in tie-break order, so the first of equals wins.
          if (best < 0 || mmr > bestMmr) {
            best = i;
            bestMmr = mmr;
          }
        }
        if (best < 0) break;
        Scored s = pool.get(best);
        taken[best] = true;
        picked.add(new Ranked(s.candidate(), s.relevance(), s.novelty(), maxSimilarity[best], tier));
        perShow.merge(s.candidate().showKey(), 1, Integer::sum);
        perEpisode.merge(episodeOf(s.candidate()), 1, Integer::sum);
        for (int i = 0; i < n; i++) {
          if (!taken[i]) maxSimilarity[i] = Math.max(maxSimilarity[i], s.similarity(pool.get(i)));
        }
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
      Scored s = Scored.of(c, novelty(c.minedAt(), now));
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

  /** Episode keys are only unique within a show. */
  private static String episodeOf(Candidate c) {
    return c.showKey() + "\u0000" + c.episodeKey();
  }

  /** A candidate with its relevance and its embedding scaled to unit length (empty when it has none or it is zero). */
  private record Scored(Candidate candidate, double relevance, double novelty, float[] unit) {

    static Scored of(Candidate c, double novelty) {
      float[] e = c.embedding();
      double norm = 0;
      for (float x : e) norm += (double) x * x;
      if (norm == 0) return new Scored(c, c.quality() * novelty, novelty, new float[0]);
      float scale = (float) (1 / Math.sqrt(norm));
      for (int i = 0; i < e.length; i++) e[i] *= scale;
      return new Scored(c, c.quality() * novelty, novelty, e);
    }

    /** Cosine similarity clamped to [0, 1]; 0 when either has no embedding or the dimensions differ. */
    double similarity(Scored other) {
      if (unit.length == 0 || unit.length != other.unit.length) return 0;
      double dot = 0;
      for (int i = 0; i < unit.length; i++) dot += unit[i] * other.unit[i];
      return Math.max(0, Math.min(1, dot));
    }
  }
}
