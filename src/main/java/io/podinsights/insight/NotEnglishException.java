package io.podinsights.insight;

/** The offline miner only understands English; thrown instead of mining nonsense from another language. */
public final class NotEnglishException extends RuntimeException {
  private final String language;

  public NotEnglishException(String language) {
    super("insight: transcript looks like " + language + ", not English; no insights mined");
    this.language = language;
  }

  public String language() {
    return language;
  }
}
