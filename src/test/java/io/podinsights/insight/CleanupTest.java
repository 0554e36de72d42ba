package io.podinsights.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CleanupTest {

  @Test
  void drops_fillers_stutters_and_non_speech_but_keeps_meaning() {
    assertThat(Cleanup.clean("Um, so I I think the, uh, pricing page is, you know, the real product [laughs]."))
        .isEqualTo("so I think the pricing page is the real product.");
    assertThat(Cleanup.clean("it's it's kind of a big deal")).isEqualTo("it's a big deal");
    assertThat(Cleanup.clean("We -- we decided to wait")).isEqualTo("We decided to wait");
    assertThat(Cleanup.clean("I was -- we decided to wait")).isEqualTo("we decided to wait");
    assertThat(Cleanup.clean("i'm sure i can do it")).isEqualTo("I'm sure I can do it");
  }

  @Test
  void keeps_kind_of_as_a_noun_and_legit_doubles() {
    assertThat(Cleanup.clean("It is a kind of tax on focus.")).isEqualTo("It is a kind of tax on focus.");
    assertThat(Cleanup.clean("He said that that plan worked.")).isEqualTo("He said that that plan worked.");
  }

  @Test
  void trims_conversational_openers_and_restores_case() {
    assertThat(Cleanup.trimOpening("and so, yeah, the budget comes first.")).isEqualTo("The budget comes first.");
    assertThat(Cleanup.withFullStop("pricing is a product decision")).isEqualTo("pricing is a product decision.");
    assertThat(Cleanup.withFullStop("Is it?")).isEqualTo("Is it?");
  }

  @Test
  void never_adds_a_word() {
    String raw = "Uh, like, the the thing is, um, you you know, we kind of sort of shipped it -- shipped it late, right?";
    Set<String> in = words(raw);
    assertThat(words(Cleanup.trimOpening(Cleanup.clean(raw)))).isSubsetOf(in);
  }

  private static Set<String> words(String s) {
    return Arrays.stream(s.toLowerCase(Locale.ROOT).split("[^\\p{L}']+")).filter(w -> !w.isEmpty())
        .collect(Collectors.toSet());
  }
}
