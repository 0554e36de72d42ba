package io.podinsights.insight;

/**
 * Settings of the offline miner, with the defaults tuned on the nine evaluation episodes (see BENCHMARKS.md).
 *
 * @param maxInsights how many insights to return per episode (best first)
 * @param minWords shortest passage, in words after clean-up
 * @param maxWords longest passage, in words after clean-up
 * @param mmrLambda weight of quality against novelty when picking diverse insights (1 = quality only)
 * @param weights weights of the score components
 */
public record MinerSettings(int maxInsights, int minWords, int maxWords, double mmrLambda, Weights weights) {
  public MinerSettings {
    if (maxInsights < 1) throw new IllegalArgumentException("insight: maxInsights must be at least 1, was " + maxInsights);
    if (minWords < 1 || maxWords < minWords)
      throw new IllegalArgumentException("insight: need 1 <= minWords <= maxWords, got " + minWords + ".." + maxWords);
    if (mmrLambda < 0 || mmrLambda > 1) throw new IllegalArgumentException("insight: mmrLambda must be in [0,1]");
  }

  public static MinerSettings defaults() {
    return new MinerSettings(10, 25, 90, 0.6, Weights.defaults());
  }

  public MinerSettings withMaxInsights(int n) {
    return new MinerSettings(n, minWords, maxWords, mmrLambda, weights);
  }

  public MinerSettings withWeights(Weights w) {
    return new MinerSettings(maxInsights, minWords, maxWords, mmrLambda, w);
  }

  public MinerSettings withMmrLambda(double lambda) {
    return new MinerSettings(maxInsights, minWords, maxWords, lambda, weights);
  }

  /** Weights of the explainable score components; the components are z-scored within an episode first. */
  public record Weights(double insightLike, double centrality, double specificity, double lesson, double question,
      double dangling, double host, double anecdote, double plug, double length, double keywords, double density) {
    public static Weights defaults() {
      return new Weights(0.25, 3.0, 0.6, 1.2, 1.5, 1.0, 0.25, 0.5, 3.0, 0.5, 0.0, 1.0);
    }
  }
}
