package io.podinsights.insight;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Merges near-identical insights (across episodes or shows) into one group with several sources. Pure: the ranking
 * step calls it with whatever it ranks. Tuned threshold: {@link #DEFAULT_THRESHOLD} cosine on bge-small-en-v1.5.
 */
public final class InsightMerger {
  private InsightMerger() {}

  /** Cosine above which two insights say the same thing (see BENCHMARKS.md, "Insight mining"). */
  public static final double DEFAULT_THRESHOLD = 0.92;

  /** One merged insight: the best-scored member represents the group; {@code members} holds all, best first. */
  public record Group<T>(T representative, List<T> members) {
    public Group {
      members = List.copyOf(members);
    }
  }

  /** What the merger needs from an item: its embedding and its score. */
  public record Item<T>(T value, float[] embedding, double score) {}

  /**
   * Groups items whose embeddings have cosine above {@code threshold} with the group's representative (greedy, best
   * score first). Groups come back best first; every input item is in exactly one group.
   */
  public static <T> List<Group<T>> merge(List<Item<T>> items, double threshold) {
    List<Item<T>> sorted = new ArrayList<>(items);
    sorted.sort(Comparator.comparingDouble((ToDoubleFunction<Item<T>>) Item::score).reversed());
    List<Item<T>> heads = new ArrayList<>();
    List<List<T>> members = new ArrayList<>();
    for (Item<T> it : sorted) {
      int home = -1;
      for (int g = 0; g < heads.size() && home < 0; g++)
        if (Embedder.cosine(heads.get(g).embedding(), it.embedding()) > threshold) home = g;
      if (home < 0) {
        heads.add(it);
        members.add(new ArrayList<>(List.of(it.value())));
      } else {
        members.get(home).add(it.value());
      }
    }
    List<Group<T>> out = new ArrayList<>(heads.size());
    for (int g = 0; g < heads.size(); g++) out.add(new Group<>(heads.get(g).value(), members.get(g)));
    return out;
  }

  /** Convenience for mined insights: merges by their stored embeddings and scores. */
  public static List<Group<MinedInsight>> mergeMined(List<MinedInsight> insights, double threshold) {
    return merge(insights.stream().map(m -> new Item<>(m, m.embedding(), m.insight().score())).toList(), threshold);
  }
}
