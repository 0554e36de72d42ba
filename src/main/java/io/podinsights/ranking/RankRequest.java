package io.podinsights.ranking;

import java.util.List;
import java.util.Set;

/** What to rank: today's candidates, and the ids of insights this recipient was already sent (never picked again). */
public record RankRequest(List<Candidate> candidates, Set<Long> alreadySent) {
  public RankRequest {
    candidates = List.copyOf(candidates);
    alreadySent = Set.copyOf(alreadySent);
  }
}
