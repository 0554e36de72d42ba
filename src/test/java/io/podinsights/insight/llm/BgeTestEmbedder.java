package io.podinsights.insight.llm;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import io.podinsights.insight.Embedder;
import java.util.List;

/** The real in-process bge-small-en-v1.5 (quantized) model behind the {@link Embedder} seam; loaded once per JVM. */
final class BgeTestEmbedder implements Embedder {

  private static BgeTestEmbedder shared;

  private final BgeSmallEnV15QuantizedEmbeddingModel model = new BgeSmallEnV15QuantizedEmbeddingModel();

  private BgeTestEmbedder() {}

  static synchronized BgeTestEmbedder shared() {
    if (shared == null) shared = new BgeTestEmbedder();
    return shared;
  }

  @Override
  public List<float[]> embedAll(List<String> texts) {
    return model.embedAll(texts.stream().map(TextSegment::from).toList()).content().stream()
        .map(Embedding::vector)
        .toList();
  }
}
