package io.podinsights.insight;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A standalone takeaway mined from one transcript: the readable text, the verbatim quote it rests on, who said it and
 * when, its score with the components that made it ({@code explain}), and whether a language model wrote the text.
 */
public record Insight(
    String text,
    String quote,
    Optional<String> speaker,
    Duration start,
    Duration end,
    double score,
    Map<String, Double> explain,
    boolean aiWritten) {

  public Insight {
    if (text == null || text.isBlank()) throw new IllegalArgumentException("insight: empty text");
    Objects.requireNonNull(quote, "insight: quote");
    Objects.requireNonNull(speaker, "insight: speaker");
    Objects.requireNonNull(start, "insight: start");
    Objects.requireNonNull(end, "insight: end");
    explain = Map.copyOf(explain);
  }
}
