package io.podinsights.insight.llm;

import static org.assertj.core.api.Assertions.assertThat;

import io.podinsights.transcript.Segment;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuoteMatcherTest {

  private final List<Segment> segments = List.of(
      Segment.of(10, 20, "Ana", "So, um, the first thing we learned: price it higher than feels comfortable."),
      Segment.of(20, 31, "Ana", "Customers who pay more actually churn less, uh, in our data at least."),
      Segment.of(31, 40, "Ben", "That's surprising. Why do you think that is?"));
  private final QuoteMatcher.Passage passage = QuoteMatcher.passage(segments, 5);

  private QuoteMatcher.Match match(String quote) {
    return QuoteMatcher.bestMatch(QuoteMatcher.tokens(quote), passage.tokens());
  }

  @Test
  void ignores_case_punctuation_and_fillers() {
    QuoteMatcher.Match m = match("Price it higher than feels comfortable! Customers who pay more actually churn less");

    assertThat(m.coverage()).isEqualTo(1.0);
    assertThat(QuoteMatcher.text(passage, m.fromWord(), m.toWord()))
        .isEqualTo("price it higher than feels comfortable. Customers who pay more actually churn less,");
    assertThat(passage.tokens().get(m.fromWord()).segment()).isEqualTo(5);
    assertThat(passage.tokens().get(m.toWord()).segment()).isEqualTo(6);
  }

  @Test
  void keeps_the_fillers_inside_the_quoted_words() {
    QuoteMatcher.Match m = match("the first thing we learned");

    assertThat(QuoteMatcher.text(passage, m.fromWord(), m.toWord())).isEqualTo("the first thing we learned:");
    assertThat(QuoteMatcher.text(passage, 0, 3)).isEqualTo("So, um, the first thing");
  }

  @Test
  void a_paraphrase_scores_partly_and_an_invented_quote_scores_low() {
    assertThat(match("customers paying more churn less in our data").coverage()).isBetween(0.6, 0.9);
    assertThat(match("Discounts are the best way to win enterprise customers").coverage()).isLessThan(0.3);
  }

  @Test
  void words_scattered_far_apart_do_not_add_up_to_a_match() {
    // Every word exists in the passage, but not within one window of the quote's length.
    assertThat(match("so think price why").coverage()).isLessThan(0.8);
  }

  @Test
  void an_empty_quote_matches_nothing() {
    assertThat(match("  ...  ").found()).isFalse();
    assertThat(match("um uh").found()).isFalse();
  }

  @Test
  void apostrophes_and_accents_normalise() {
    assertThat(QuoteMatcher.tokens("That\u2019s it, well-known CAFÉ")).containsExactly("thats", "it", "well", "known", "café");
  }
}
