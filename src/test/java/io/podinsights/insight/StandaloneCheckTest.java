package io.podinsights.insight;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StandaloneCheckTest {
  private static final String GOOD = "Raising prices is the most underused growth lever in small software companies. "
      + "Customers rarely leave when the increase comes with a clear reason and a grace period, so test a higher price "
      + "on new sign-ups first.";

  @Test
  void a_complete_verbatim_takeaway_passes() {
    assertThat(StandaloneCheck.violations(GOOD, GOOD, "Host: intro. " + GOOD + " Host: thanks.")).isEmpty();
  }

  @Test
  void flags_questions_dangling_openers_ads_short_text_and_invented_quotes() {
    String question = GOOD + " Why would anyone wait to \"try that?\"";
    assertThat(StandaloneCheck.violations(question, question, question)).anyMatch(v -> v.startsWith("ends with a question"));
    String opensQ = "Why do founders wait? " + GOOD;
    assertThat(StandaloneCheck.violations(opensQ, opensQ, opensQ)).contains("opens with a question");
    String dangling = "That is why " + GOOD.substring(0, 1).toLowerCase() + GOOD.substring(1);
    assertThat(StandaloneCheck.violations(dangling, dangling, dangling)).anyMatch(v -> v.contains("dangling"));
    String ad = GOOD + " Go to lumafold.com/show and use code SHOW.";
    assertThat(StandaloneCheck.violations(ad, ad, ad)).contains("sponsor read");
    assertThat(StandaloneCheck.violations("Too short to matter.", "Too short to matter.", "Too short to matter."))
        .anyMatch(v -> v.startsWith("length"));
    assertThat(StandaloneCheck.violations(GOOD, "words nobody said", GOOD)).contains("quote not verbatim in the transcript");
  }

  @Test
  void flags_a_short_verbless_opening_but_not_a_short_imperative() {
    for (String opener : new String[] {"From day one. ", "Not in the first part. ", "Asking about the future. ",
        "Leave them alone for a while. "}) {
      String text = opener + GOOD;
      assertThat(StandaloneCheck.violations(text, text, text)).anyMatch(v -> v.startsWith("opens with a fragment"));
    }
    String instead = "Instead, ask about the past. " + GOOD;
    assertThat(StandaloneCheck.violations(instead, instead, instead)).anyMatch(v -> v.contains("dangling"));
    String imperative = "Keep a loss log. " + GOOD;
    assertThat(StandaloneCheck.violations(imperative, imperative, imperative)).isEmpty();
  }
}
