package io.podinsights.insight.llm;

/**
 * How strictly model answers are checked and how much transcript goes with each candidate: the quote must cover at
 * least {@code minQuoteMatch} of its words in order in the transcript, the rewrite must have cosine similarity
 * {@code minMeaningSimilarity} or more with the matched quote, and be {@code minWords..maxWords} long. Each candidate
 * is sent with {@code neighbourSegments} segments either side, at most {@code maxContextChars} characters.
 *
 * <p>The default 0.72 is tuned for bge-small-en-v1.5 on the test fixtures: faithful rewrites scored 0.76-0.88 against
 * their quotes, rewrites about another part of the same episode 0.58-0.64, an unrelated topic 0.51. Embeddings do not
 * see negation (a reversed claim scored 0.67), so this check catches drift, not contradiction. Re-tune it for
 * another embedding model.
 */
public record RewriteSettings(
    double minQuoteMatch,
    double minMeaningSimilarity,
    int minWords,
    int maxWords,
    int neighbourSegments,
    int maxContextChars,
    int maxCandidatesPerCall) {

  public static final RewriteSettings DEFAULTS = new RewriteSettings(0.8, 0.72, 12, 110, 2, 1_600, 8);

  public RewriteSettings {
    if (!(minQuoteMatch > 0 && minQuoteMatch <= 1)) {
      throw new IllegalArgumentException("insight-llm: minQuoteMatch must be in (0, 1], got " + minQuoteMatch);
    }
    if (!(minMeaningSimilarity >= -1 && minMeaningSimilarity <= 1)) {
      throw new IllegalArgumentException(
          "insight-llm: minMeaningSimilarity must be in [-1, 1], got " + minMeaningSimilarity);
    }
    if (minWords < 1 || maxWords < minWords) {
      throw new IllegalArgumentException("insight-llm: need 1 <= minWords <= maxWords, got " + minWords + ".." + maxWords);
    }
    if (neighbourSegments < 0) {
      throw new IllegalArgumentException("insight-llm: neighbourSegments must be >= 0, got " + neighbourSegments);
    }
    if (maxContextChars < 200) {
      throw new IllegalArgumentException("insight-llm: maxContextChars must be >= 200, got " + maxContextChars);
    }
    if (maxCandidatesPerCall < 1) {
      throw new IllegalArgumentException("insight-llm: maxCandidatesPerCall must be >= 1, got " + maxCandidatesPerCall);
    }
  }

  public RewriteSettings withMinMeaningSimilarity(double value) {
    return new RewriteSettings(minQuoteMatch, value, minWords, maxWords, neighbourSegments, maxContextChars,
        maxCandidatesPerCall);
  }

  public RewriteSettings withMaxCandidatesPerCall(int value) {
    return new RewriteSettings(minQuoteMatch, minMeaningSimilarity, minWords, maxWords, neighbourSegments,
        maxContextChars, value);
  }
}
