package io.podinsights.ranking;

import java.util.Objects;

/**
 * One pick, in digest order, with why: {@code relevance} = quality x {@code novelty}; {@code similarity} is the
 * highest cosine to an insight picked before it; {@code diversity} says which caps were still in force.
 */
public record Ranked(Candidate candidate, double relevance, double novelty, double similarity, Diversity diversity) {

  public Ranked {
    Objects.requireNonNull(candidate, "ranking: candidate");
    Objects.requireNonNull(diversity, "ranking: diversity");
  }

  /** Which diversity caps held when an insight was picked; later values are used only to fill a short digest. */
  public enum Diversity {
    /** Per-show and per-episode caps both held. */
    STRICT,
    /** The per-show cap was lifted (too few shows); one insight per episode still held. */
    SHOW_CAP_LIFTED,
    /** Both caps were lifted (too few episodes). */
    ALL_CAPS_LIFTED
  }
}
