package io.podinsights.transcript.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.podinsights.transcript.Segment;
import io.podinsights.transcript.Transcript;
import io.podinsights.transcript.TranscriptFormat;
import io.podinsights.transcript.TranscriptSource;
import io.podinsights.transcript.format.TranscriptParseException.Problem;
import org.junit.jupiter.api.Test;

class SrtTranscriptParserTest {
  private static final TranscriptSource SOURCE = Fixtures.local("t.srt", TranscriptFormat.SRT);

  @Test
  void reads_speaker_labels_tags_both_millisecond_separators_and_extra_blank_lines() throws Exception {
    Transcript t = SrtTranscriptParser.parse(TranscriptFormats.decode(Fixtures.bytes("speakers.srt")), SOURCE);

    assertThat(t.segments()).containsExactly(
        Segment.of(1, 3.5, "Ada", "Pricing is a product decision."),
        Segment.of(3.5, 6, "Ada", "Not a finance one. It was never about cost."),
        Segment.of(6, 8, "Grace Hopper", "Charge more."),
        Segment.of(8, 9, "Grace Hopper", "Then ask why."));
  }

  @Test
  void reads_cues_without_sequence_numbers_and_short_fractions() throws Exception {
    String srt = "00:01:39 --> 00:01:41,04\n(rumbling)\n\n00:02:04.08 --> 00:02:07.12 X1:40 X2:600\nMAN:\nHow did we get here?\n";

    Transcript t = SrtTranscriptParser.parse(srt, SOURCE);

    assertThat(t.segments()).containsExactly(
        Segment.of(99, 101.04, null, "(rumbling)"),
        Segment.of(124.08, 127.12, "MAN", "How did we get here?"));
  }

  @Test
  void a_colon_in_ordinary_words_or_times_is_not_a_speaker() throws Exception {
    String srt = "1\n00:00:01,000 --> 00:00:02,000\nAnd then he said: go\n\n2\n00:00:02,000 --> 00:00:03,000\n'The time is 7:35.'\n";

    Transcript t = SrtTranscriptParser.parse(srt, SOURCE);

    assertThat(t.segments()).allSatisfy(s -> assertThat(s.speaker()).isEmpty());
    assertThat(t.segments().getFirst().text()).isEqualTo("And then he said: go");
  }

  @Test
  void reads_youtube_sbv_time_lines() throws Exception {
    Transcript t = SrtTranscriptParser.parse("0:00:00.378,0:00:11.378\nFirst\n\n0:00:11.378,0:00:12.305\nSecond\n", SOURCE);

    assertThat(t.segments()).containsExactly(Segment.of(0.378, 11.378, null, "First"), Segment.of(11.378, 12.305, null, "Second"));
  }

  @Test
  void numbers_and_text_without_time_lines_are_malformed() {
    assertThatThrownBy(() -> SrtTranscriptParser.parse("1\nsome text\n", SOURCE))
        .isInstanceOfSatisfying(TranscriptParseException.class, e -> {
          assertThat(e.problem()).isEqualTo(Problem.MALFORMED);
          assertThat(e.getMessage()).isEqualTo("transcript: the SRT file has no cue with a valid time line");
        });
  }

  @Test
  void cues_with_only_markup_have_no_text() {
    assertThatThrownBy(() -> SrtTranscriptParser.parse("1\n00:00:01,000 --> 00:00:02,000\n<i></i>\n", SOURCE))
        .isInstanceOfSatisfying(TranscriptParseException.class,
            e -> assertThat(e.problem()).isEqualTo(Problem.NO_TEXT));
  }
}
