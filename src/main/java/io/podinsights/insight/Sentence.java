package io.podinsights.insight;

import java.util.Optional;

/** One spoken sentence (or, in unpunctuated machine text, one breath-sized chunk) with its turn and times. */
record Sentence(int index, int turn, Optional<String> speaker, String raw, String clean, int words, double start,
    double end) {

  boolean question() {
    return raw.strip().replaceAll("[\"'”’)\\]\\s]+$", "").endsWith("?") || clean.endsWith("?");
  }
}
