package io.podinsights.insight.llm;

/** Token estimates where the provider reports none: about four characters of English a token, rounded up. */
final class Tokens {

  static final int CHARS_PER_TOKEN = 4;

  private Tokens() {}

  static int estimate(String text) {
    return (text.length() + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
  }
}
