package io.podinsights.feed.parse;

/**
 * Bounds on the work one feed may cause: body bytes, element nesting, characters kept per field, items kept per feed.
 * Defaults: 20 MiB, depth 64, 512 Ki chars, 5,000 items.
 */
public record FeedLimits(int maxBytes, int maxDepth, int maxFieldChars, int maxItems) {
  public FeedLimits {
    if (maxBytes < 1 || maxDepth < 4 || maxFieldChars < 64 || maxItems < 1) {
      throw new IllegalArgumentException("feed limits: every limit must be positive (depth >= 4, field >= 64)");
    }
  }

  public static FeedLimits defaults() {
    return new FeedLimits(20 * 1024 * 1024, 64, 512 * 1024, 5_000);
  }
}
