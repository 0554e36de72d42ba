package io.podinsights.transcript.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.podinsights.transcript.Segment;
import io.podinsights.transcript.Transcript;
import io.podinsights.transcript.TranscriptFormat;
import io.podinsights.transcript.TranscriptSource;
import io.podinsights.transcript.format.TranscriptParseException.Problem;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HtmlTranscriptParserTest {
  private static final TranscriptSource SOURCE = Fixtures.local("t.html", TranscriptFormat.HTML);

  @Test
  void reads_podcasting20_cite_time_paragraph_turns() throws Exception {
    Transcript t = HtmlTranscriptParser.parse(Fixtures.text("turns.html"), SOURCE);

    assertThat(t.segments()).containsExactly(
        Segment.of(0, 65, "Ada", "Pricing is a product decision, not a finance one. It's about value."),
        Segment.of(65, 3723, "Grace", "So charge more than feels comfortable & ask why people pay."),
        Segment.of(3723, 3723, "Ada", "That’s the whole episode."));
  }

  @Test
  void reads_loose_html_as_paragraphs_without_scripts_or_head() throws Exception {
    Transcript t = HtmlTranscriptParser.parse(Fixtures.text("article.html"), SOURCE);

    assertThat(t.segments()).extracting(Segment::text).containsExactly(
        "Episode 12: Pricing", "Pricing is a product decision.", "It is not a finance one. Value comes first.",
        "Charge more than feels comfortable.");
    assertThat(t.segments()).extracting(s -> s.speaker().orElse("-"))
        .containsExactly("-", "Ada", "Ada", "Grace");
    assertThat(t.text()).doesNotContain("not this", "ignored");
  }

  @Test
  void reads_begin_and_end_attributes_of_timed_text_paragraphs() throws Exception {
    String ttml = "<tt><body><div><p begin=\"00:00:01.500\" end=\"00:00:03.000\">Hello <span>there</span></p>"
        + "<p begin=\"00:00:03.000\" end=\"00:00:04.000\">Bye</p></div></body></tt>";

    Transcript t = HtmlTranscriptParser.parse(ttml, SOURCE);

    assertThat(t.segments()).containsExactly(Segment.of(1.5, 3, null, "Hello there"), Segment.of(3, 4, null, "Bye"));
  }

  @Test
  void stray_angle_brackets_and_unclosed_quotes_stay_linear() throws Exception {
    String hostile = "<p>ok</p>" + "<a \"x".repeat(100_000);

    Transcript t = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> HtmlTranscriptParser.parse(hostile, SOURCE));

    assertThat(t.segments().getFirst().text()).isEqualTo("ok");
  }

  @Test
  void markup_without_text_is_no_text() {
    assertThatThrownBy(() -> HtmlTranscriptParser.parse("<html><body><p> </p></body></html>", SOURCE))
        .isInstanceOfSatisfying(TranscriptParseException.class,
            e -> assertThat(e.problem()).isEqualTo(Problem.NO_TEXT));
  }
}
