package io.podinsights.transcript.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WordErrorRateTest {

  @Test
  void ignores_case_and_punctuation() {
    assertThat(WordErrorRate.of("And so, my fellow Americans: ask not!", "and so my fellow americans ask not").rate()).isZero();
  }

  @Test
  void counts_substitutions_deletions_and_insertions() {
    WordErrorRate w = WordErrorRate.of("go forward ten meters", "go forwards ten meters now");
    assertThat(w.substitutions()).isEqualTo(1);
    assertThat(w.insertions()).isEqualTo(1);
    assertThat(w.deletions()).isZero();
    assertThat(w.rate()).isCloseTo(0.5, within(1e-9));
    assertThat(WordErrorRate.of("one two three", "one three").deletions()).isEqualTo(1);
  }

  @Test
  void keeps_apostrophes_inside_words() {
    assertThat(WordErrorRate.normalise("Don't 'quote' me")).containsExactly("don't", "quote", "me");
  }
}
