package io.podinsights.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RankerTest {

  private static final Instant NOW = Instant.parse("2026-11-23T06:00:00Z");
  private final Ranker ranker = new Ranker(RankingPolicy.DEFAULTS, InstantSource.fixed(NOW));

  private static Candidate c(long id, String show, String episode, double quality) {
    return new Candidate(id, show, episode, quality, NOW.minus(Duration.ofHours(1)), new float[0]);
  }

  private static Candidate c(long id, String show, String episode, double quality, float... embedding) {
    return new Candidate(id, show, episode, quality, NOW.minus(Duration.ofHours(1)), embedding);
  }

  private List<Long> ids(List<Candidate> candidates, Set<Long> sent) {
    return ranker.rank(new RankRequest(candidates, sent)).stream().map(r -> r.candidate().insightId()).toList();
  }

  @Test
  void picks_the_five_best_across_five_shows_best_first() {
    List<Candidate> all = List.of(
        c(1, "a", "a1", 0.5), c(2, "b", "b1", 0.9), c(3, "c", "c1", 0.7), c(4, "d", "d1", 0.6),
        c(5, "e", "e1", 0.8), c(6, "f", "f1", 0.4));
    assertThat(ids(all, Set.of())).containsExactly(2L, 5L, 3L, 4L, 1L);
  }

  @Test
  void takes_at_most_two_from_one_show_and_one_per_episode_when_others_exist() {
    List<Candidate> all = List.of(
        c(1, "a", "a1", 0.99), c(2, "a", "a1", 0.98), c(3, "a", "a2", 0.97), c(4, "a", "a3", 0.96),
        c(5, "b", "b1", 0.5), c(6, "c", "c1", 0.4), c(7, "d", "d1", 0.3), c(8, "b", "b2", 0.2));
    List<Ranked> picks = ranker.rank(new RankRequest(all, Set.of()));
    assertThat(picks).extracting(r -> r.candidate().insightId()).containsExactly(1L, 3L, 5L, 6L, 7L);
    assertThat(picks).allSatisfy(r -> assertThat(r.diversity()).isEqualTo(Ranked.Diversity.STRICT));
  }

  @Test
  void lifts_the_show_cap_before_the_episode_cap_when_one_show_is_all_there_is() {
    List<Candidate> all = List.of(
        c(1, "a", "a1", 0.99), c(2, "a", "a1", 0.98), c(3, "a", "a2", 0.90), c(4, "a", "a3", 0.80),
        c(5, "a", "a4", 0.70));
    List<Ranked> picks = ranker.rank(new RankRequest(all, Set.of()));
    assertThat(picks).extracting(r -> r.candidate().insightId()).containsExactly(1L, 3L, 4L, 5L, 2L);
    assertThat(picks).extracting(Ranked::diversity).containsExactly(
        Ranked.Diversity.STRICT, Ranked.Diversity.STRICT, Ranked.Diversity.SHOW_CAP_LIFTED,
        Ranked.Diversity.SHOW_CAP_LIFTED, Ranked.Diversity.ALL_CAPS_LIFTED);
  }

  @Test
  void same_episode_key_in_two_shows_is_two_episodes() {
    List<Candidate> all = List.of(c(1, "a", "ep1", 0.9), c(2, "b", "ep1", 0.8));
    assertThat(ranker.rank(new RankRequest(all, Set.of())))
        .extracting(Ranked::diversity).containsOnly(Ranked.Diversity.STRICT).hasSize(2);
  }

  @Test
  void never_picks_an_insight_already_sent() {
    List<Candidate> all = List.of(c(1, "a", "a1", 0.9), c(2, "b", "b1", 0.8), c(3, "c", "c1", 0.7));
    assertThat(ids(all, Set.of(1L, 3L))).containsExactly(2L);
  }

  @Test
  void returns_fewer_than_five_when_the_candidates_run_out_and_nothing_for_none() {
    assertThat(ids(List.of(c(1, "a", "a1", 0.9), c(2, "b", "b1", 0.8)), Set.of())).containsExactly(1L, 2L);
    assertThat(ids(List.of(), Set.of())).isEmpty();
  }

  @Test
  void an_older_insight_loses_to_a_fresh_one_of_slightly_lower_quality() {
    Candidate old = new Candidate(1, "a", "a1", 0.9, NOW.minus(Duration.ofDays(3)), new float[0]);
    Candidate fresh = new Candidate(2, "b", "b1", 0.6, NOW.minus(Duration.ofHours(2)), new float[0]);
    List<Ranked> picks = ranker.rank(new RankRequest(List.of(old, fresh), Set.of()));
    assertThat(picks).extracting(r -> r.candidate().insightId()).containsExactly(2L, 1L);
    assertThat(picks.get(1).novelty()).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(picks.get(1).relevance()).isCloseTo(0.45, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void novelty_follows_the_injected_clock() {
    Candidate a = new Candidate(1, "a", "a1", 0.8, Instant.parse("2026-11-20T06:00:00Z"), new float[0]);
    Candidate b = new Candidate(2, "b", "b1", 0.5, Instant.parse("2026-11-23T06:00:00Z"), new float[0]);
    Ranker early = new Ranker(RankingPolicy.DEFAULTS, InstantSource.fixed(Instant.parse("2026-11-20T07:00:00Z")));
    Ranker late = new Ranker(RankingPolicy.DEFAULTS, InstantSource.fixed(Instant.parse("2026-11-23T07:00:00Z")));
    // On the 20th, b lies in the future: novelty is capped at 1, and a's higher quality wins.
    assertThat(early.rank(new RankRequest(List.of(a, b), Set.of())).getFirst().candidate().insightId()).isEqualTo(1L);
    assertThat(late.rank(new RankRequest(List.of(a, b), Set.of())).getFirst().candidate().insightId()).isEqualTo(2L);
  }

  @Test
  void skips_a_near_duplicate_of_an_earlier_pick_even_from_another_show() {
    List<Candidate> all = List.of(
        c(1, "a", "a1", 0.9, 1, 0, 0), c(2, "b", "b1", 0.85, 0.99f, 0.05f, 0), c(3, "c", "c1", 0.5, 0, 1, 0));
    List<Ranked> picks = ranker.rank(new RankRequest(all, Set.of()));
    assertThat(picks).extracting(r -> r.candidate().insightId()).containsExactly(1L, 3L);
  }

  @Test
  void mmr_prefers_a_different_idea_over_a_similar_slightly_better_one() {
    // 2 is similar to 1 (cosine 0.8, under the duplicate line) and a bit better than 3, which is unrelated.
    List<Candidate> all = List.of(
        c(1, "a", "a1", 1.0, 1, 0), c(2, "b", "b1", 0.8, 0.8f, 0.6f), c(3, "c", "c1", 0.7, 0, 1));
    List<Ranked> picks = ranker.rank(new RankRequest(all, Set.of()));
    assertThat(picks).extracting(r -> r.candidate().insightId()).containsExactly(1L, 3L, 2L);
    assertThat(picks.get(2).similarity()).isCloseTo(0.8, org.assertj.core.data.Offset.offset(1e-6));
  }

  @Test
  void candidates_without_embeddings_or_with_other_dimensions_are_never_called_similar() {
    List<Candidate> all = List.of(c(1, "a", "a1", 0.9, 1, 0), c(2, "b", "b1", 0.8), c(3, "c", "c1", 0.7, 1, 0, 0));
    assertThat(ranker.rank(new RankRequest(all, Set.of()))).extracting(Ranked::similarity).containsOnly(0.0);
  }

  @Test
  void ties_are_broken_the_same_way_whatever_the_input_order() {
    List<Candidate> all = new ArrayList<>();
    for (int i = 1; i <= 12; i++) all.add(c(i, "s" + (i % 4), "e" + i, 0.5));
    List<Long> first = ids(all, Set.of());
    assertThat(first).containsExactly(1L, 2L, 3L, 4L, 5L);
    for (long seed = 1; seed <= 5; seed++) {
      List<Candidate> shuffled = new ArrayList<>(all);
      Collections.shuffle(shuffled, new java.util.Random(seed));
      assertThat(ids(shuffled, Set.of())).isEqualTo(first);
    }
  }

  @Test
  void the_size_is_configurable() {
    Ranker three = new Ranker(RankingPolicy.DEFAULTS.withSize(3), InstantSource.fixed(NOW));
    List<Candidate> all = List.of(c(1, "a", "a1", 0.9), c(2, "b", "b1", 0.8), c(3, "c", "c1", 0.7), c(4, "d", "d1", 0.6));
    assertThat(three.rank(new RankRequest(all, Set.of()))).hasSize(3);
  }

  @Test
  void rejects_a_nonsense_candidate_with_a_clear_message() {
    assertThatThrownBy(() -> new Candidate(7, "a", "a1", Double.NaN, NOW, new float[0]))
        .hasMessageStartingWith("ranking: insight 7 has quality NaN");
    assertThatThrownBy(() -> new Candidate(7, " ", "a1", 0.5, NOW, new float[0]))
        .hasMessageStartingWith("ranking: insight 7 has no show key");
  }
}
