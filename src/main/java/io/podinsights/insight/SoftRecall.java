package io.podinsights.insight;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Evaluation metrics for insight mining against a human reference list (never used by the miner): soft recall, its
 * normalisation between a random and an oracle selection, and the baseline selections.
 */
public final class SoftRecall {
  private SoftRecall() {}

  /** Mean over reference vectors of the best cosine to any selected vector; 0 when either side is empty. */
  public static double of(List<float[]> references, List<float[]> selected) {
    if (references.isEmpty() || selected.isEmpty()) return 0;
    double sum = 0;
    for (float[] r : references) {
      double best = -1;
      for (float[] s : selected) best = Math.max(best, Embedder.cosine(r, s));
      sum += best;
    }
    return sum / references.size();
  }

  /** (ours - random) / (oracle - random); 0 when the oracle is no better than random. */
  public static double normalised(double ours, double random, double oracle) {
    double span = oracle - random;
    return span <= 1e-12 ? 0 : (ours - random) / span;
  }

  /** Greedy oracle: picks k passages one by one, each maximising soft recall of the picks so far. Returns indices. */
  public static List<Integer> oracle(List<float[]> references, List<float[]> passages, int k) {
    List<Integer> picked = new ArrayList<>();
    List<float[]> chosen = new ArrayList<>();
    while (picked.size() < Math.min(k, passages.size())) {
      int best = -1;
      double bestValue = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < passages.size(); i++) {
        if (picked.contains(i)) continue;
        chosen.add(passages.get(i));
        double v = of(references, chosen);
        chosen.removeLast();
        if (v > bestValue) {
          bestValue = v;
          best = i;
        }
      }
      picked.add(best);
      chosen.add(passages.get(best));
    }
    return picked;
  }

  /** Centrality baseline: highest summed similarity to all other passages, picked with MMR (lambda 0.7). */
  public static List<Integer> central(List<float[]> passages, int k) {
    int n = passages.size();
    double[] centrality = new double[n];
    for (int i = 0; i < n; i++)
      for (int j = 0; j < n; j++) if (i != j) centrality[i] += Embedder.cosine(passages.get(i), passages.get(j));
    double max = Double.NEGATIVE_INFINITY;
    double min = Double.POSITIVE_INFINITY;
    for (double c : centrality) {
      max = Math.max(max, c);
      min = Math.min(min, c);
    }
    double range = Math.max(1e-9, max - min);
    List<Integer> picked = new ArrayList<>();
    while (picked.size() < Math.min(k, n)) {
      int best = -1;
      double bestValue = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        if (picked.contains(i)) continue;
        double sim = 0;
        for (int p : picked) sim = Math.max(sim, Embedder.cosine(passages.get(i), passages.get(p)));
        double v = 0.7 * (centrality[i] - min) / range - 0.3 * sim;
        if (v > bestValue) {
          bestValue = v;
          best = i;
        }
      }
      picked.add(best);
    }
    return picked;
  }

  /** Mean soft recall of {@code draws} random selections of k passages. */
  public static double random(List<float[]> references, List<float[]> passages, int k, int draws, RandomGenerator rng) {
    if (passages.isEmpty()) return 0;
    double sum = 0;
    for (int d = 0; d < draws; d++) {
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < passages.size(); i++) order.add(i);
      List<float[]> pick = new ArrayList<>();
      for (int i = 0; i < Math.min(k, passages.size()); i++) {
        int j = i + rng.nextInt(order.size() - i);
        int tmp = order.get(i);
        order.set(i, order.get(j));
        order.set(j, tmp);
        pick.add(passages.get(order.get(i)));
      }
      sum += of(references, pick);
    }
    return sum / draws;
  }
}
