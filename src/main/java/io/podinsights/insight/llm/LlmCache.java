package io.podinsights.insight.llm;

import java.util.Optional;

/** Model answers kept by request, so re-running a transcript costs no tokens. File-based now; a table later. */
public interface LlmCache {

  Optional<String> get(CacheKey key);

  void put(CacheKey key, String answer);

  /** A cache that keeps nothing (every run asks the model). */
  static LlmCache none() {
    return new LlmCache() {
      @Override
      public Optional<String> get(CacheKey key) {
        return Optional.empty();
      }

      @Override
      public void put(CacheKey key, String answer) {}
    };
  }
}
