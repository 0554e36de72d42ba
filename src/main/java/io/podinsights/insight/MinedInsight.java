package io.podinsights.insight;

import java.util.Objects;

/** An insight from the offline miner with the embedding of its text (bge-small-en-v1.5, unit length) for storage. */
public record MinedInsight(Insight insight, float[] embedding) {
  public MinedInsight {
    Objects.requireNonNull(insight, "insight: insight");
    if (embedding == null || embedding.length == 0) throw new IllegalArgumentException("insight: empty embedding");
    embedding = embedding.clone();
  }

  @Override
  public float[] embedding() {
    return embedding.clone();
  }
}
