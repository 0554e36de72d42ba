package io.podinsights.insight;

import java.util.List;

/** Turns text into normalised embedding vectors; the in-process ONNX model is the default. */
public interface Embedder {

  List<float[]> embedAll(List<String> texts);

  default float[] embed(String text) {
    return embedAll(List.of(text)).getFirst();
  }

  /** Cosine similarity of two vectors; 0 when either is empty or their lengths differ. */
  static double cosine(float[] a, float[] b) {
    if (a.length != b.length) return 0;
    double dot = 0, na = 0, nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
  }
}
