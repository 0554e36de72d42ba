package io.podinsights.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SoftRecallTest {
  private static final float[] X = {1, 0, 0};
  private static final float[] Y = {0, 1, 0};
  private static final float[] Z = {0, 0, 1};
  private static final float[] XY = {1, 1, 0};

  @Test
  void soft_recall_is_the_mean_best_cosine_per_reference() {
    // X matched exactly (1.0), Y only by XY (cos 0.7071) -> mean 0.8536
    assertThat(SoftRecall.of(List.of(X, Y), List.of(X, XY))).isCloseTo((1 + Math.sqrt(0.5)) / 2, within(1e-6));
    assertThat(SoftRecall.of(List.of(X, Y), List.of(Z))).isCloseTo(0, within(1e-9));
    assertThat(SoftRecall.of(List.of(X), List.of())).isZero();
  }

  @Test
  void normalisation_maps_random_to_zero_and_oracle_to_one() {
    assertThat(SoftRecall.normalised(0.5, 0.5, 0.9)).isZero();
    assertThat(SoftRecall.normalised(0.9, 0.5, 0.9)).isCloseTo(1, within(1e-9));
    assertThat(SoftRecall.normalised(0.7, 0.5, 0.9)).isCloseTo(0.5, within(1e-9));
    assertThat(SoftRecall.normalised(0.4, 0.5, 0.9)).isCloseTo(-0.25, within(1e-9));
    assertThat(SoftRecall.normalised(0.7, 0.6, 0.6)).isZero();
  }

  @Test
  void greedy_oracle_covers_the_references_it_can() {
    List<float[]> passages = List.of(Z, XY, X, Y);
    assertThat(SoftRecall.oracle(List.of(X, Y), passages, 1)).containsExactly(1);
    // greedy keeps its first pick (XY), then adds an exact match for one reference
    List<Integer> two = SoftRecall.oracle(List.of(X, Y), passages, 2);
    assertThat(two).hasSize(2).startsWith(1);
    assertThat(two.get(1)).isIn(2, 3);
    assertThat(SoftRecall.oracle(List.of(X, Y), passages, 3)).containsExactlyInAnyOrder(1, 2, 3);
  }

  @Test
  void centrality_prefers_the_passage_closest_to_the_rest() {
    float[] xyz = {1, 1, 1};
    assertThat(SoftRecall.central(List.of(X, Y, Z, xyz), 1)).containsExactly(3);
  }

  @Test
  void random_baseline_lies_between_worst_and_best_and_is_seeded() {
    List<float[]> passages = List.of(X, Y, Z, XY);
    double a = SoftRecall.random(List.of(X), passages, 1, 50, new Random(7));
    double b = SoftRecall.random(List.of(X), passages, 1, 50, new Random(7));
    assertThat(a).isEqualTo(b).isBetween(0.2, 0.8);
    assertThat(SoftRecall.random(List.of(X), passages, 4, 5, new Random(1))).isCloseTo(1, within(1e-9));
  }

  @Test
  void merger_groups_near_duplicates_under_the_best_scored_one() {
    float[] nearX = {0.99f, 0.05f, 0};
    var groups = InsightMerger.merge(List.of(new InsightMerger.Item<>("a", X, 0.5), new InsightMerger.Item<>("b", nearX, 0.9),
        new InsightMerger.Item<>("c", Y, 0.7)), 0.95);
    assertThat(groups).hasSize(2);
    assertThat(groups.getFirst().representative()).isEqualTo("b");
    assertThat(groups.getFirst().members()).containsExactly("b", "a");
    assertThat(groups.get(1).members()).containsExactly("c");
  }
}
