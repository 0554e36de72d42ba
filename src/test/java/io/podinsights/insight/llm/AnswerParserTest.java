package io.podinsights.insight.llm;

import static org.assertj.core.api.Assertions.assertThat;

import io.podinsights.insight.llm.AnswerParser.Parsed;
import io.podinsights.insight.llm.AnswerParser.Proposal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerParserTest {

  private static List<Proposal> proposals(String answer) {
    Parsed parsed = AnswerParser.parse(answer);
    assertThat(parsed).isInstanceOf(Parsed.Proposals.class);
    return ((Parsed.Proposals) parsed).proposals();
  }

  @Test
  void reads_the_house_shape() {
    List<Proposal> p = proposals(Fixtures.read("good-answer.json"));

    assertThat(p).extracting(Proposal::id).containsExactly(1, 2, 3);
    assertThat(p.getFirst().start()).contains(Duration.ofSeconds(62));
    assertThat(p.getFirst().insight()).startsWith("Hire your first engineers");
  }

  @Test
  void reads_json_inside_a_code_fence_with_prose_around_it() {
    List<Proposal> p = proposals("Here you go:\n```json\n{\"insights\":[{\"id\":\"2\",\"insight\":\"x y\",\"quote\":\"q\","
        + "\"start\":\"1:02:03\"}]}\n```\nAnything else?");

    assertThat(p).singleElement().satisfies(x -> {
      assertThat(x.id()).isEqualTo(2);
      assertThat(x.start()).contains(Duration.ofSeconds(3723));
    });
  }

  @Test
  void reads_json_between_prose_without_a_fence() {
    assertThat(proposals("Sure. {\"insights\":[{\"id\":1,\"insight\":\"a b\",\"quote\":\"q\",\"start\":75.5}]} Done."))
        .singleElement().satisfies(x -> assertThat(x.start()).contains(Duration.ofMillis(75_500)));
  }

  @Test
  void reads_a_bare_array_and_skips_entries_without_id_or_insight() {
    assertThat(proposals("[{\"id\":1,\"insight\":\"a\"},{\"insight\":\"no id\"},{\"id\":3,\"insight\":\"\"}]"))
        .extracting(Proposal::id).containsExactly(1);
  }

  @Test
  void prose_broken_json_and_empty_answers_are_unreadable() {
    assertThat(AnswerParser.parse("Insight 1: hire for shipping.")).isInstanceOf(Parsed.Unreadable.class);
    assertThat(AnswerParser.parse("{\"insights\":[{\"id\":1,\"insight\":\"cut off")).isInstanceOf(Parsed.Unreadable.class);
    assertThat(AnswerParser.parse("{\"result\":\"ok\"}")).isEqualTo(new Parsed.Unreadable("JSON has no \"insights\" array"));
    assertThat(AnswerParser.parse("   ")).isEqualTo(new Parsed.Unreadable("empty answer"));
  }
}
