package io.podinsights.transcript.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.podinsights.transcript.Segment;
import io.podinsights.transcript.Transcript;
import io.podinsights.transcript.TranscriptFormat;
import io.podinsights.transcript.TranscriptSource;
import io.podinsights.transcript.format.TranscriptParseException.Problem;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class VttTranscriptParserTest {
  private static final TranscriptSource SOURCE = Fixtures.local("t.vtt", TranscriptFormat.VTT);

  @Test
  void reads_voices_and_skips_header_style_note_and_identifiers() throws Exception {
    Transcript t = VttTranscriptParser.parse(Fixtures.text("voices.vtt"), SOURCE);

    assertThat(t.segments()).extracting(Segment::text).containsExactly(
        "Welcome back & thanks for listening.", "Today it's all about pricing.", "Finally <3", "One hour in.");
    assertThat(t.segments()).extracting(s -> s.speaker().orElse("?"))
        .containsExactly("Ada Lovelace", "Ada Lovelace", "Grace", "Ada Lovelace");
  }

  @Test
  void reads_minute_and_hour_timestamps_and_ignores_cue_settings() throws Exception {
    Transcript t = VttTranscriptParser.parse(Fixtures.text("voices.vtt"), SOURCE);

    assertThat(t.segments().getFirst().start()).isEqualTo(Duration.ofSeconds(1));
    assertThat(t.segments().getFirst().end()).isEqualTo(Duration.ofMillis(4500));
    assertThat(t.segments().get(2).start()).isEqualTo(Duration.ofMillis(7250));
    assertThat(t.segments().getLast().start()).isEqualTo(Duration.ofHours(1));
    assertThat(t.segments().getLast().end()).isEqualTo(Duration.ofHours(1).plusSeconds(2));
  }

  @Test
  void keeps_overlapping_cues_in_order_and_never_ends_before_the_start() throws Exception {
    Transcript t = VttTranscriptParser.parse(Fixtures.text("overlap.vtt"), SOURCE);

    assertThat(t.segments()).containsExactly(
        Segment.of(5, 8, "Ada", "First, and it runs long"),
        Segment.of(6, 7, "Grace", "Interrupting"),
        Segment.of(7, 7, "Ada", "Backwards end"));
  }

  @Test
  void a_time_line_inside_a_cue_starts_the_next_cue() throws Exception {
    String vtt = "WEBVTT\n\n00:01.000 --> 00:02.000\nyeah\n00:02.000 --> 00:03.000\nwhat now\n";

    Transcript t = VttTranscriptParser.parse(vtt, SOURCE);

    assertThat(t.segments()).containsExactly(Segment.of(1, 2, null, "yeah"), Segment.of(2, 3, null, "what now"));
  }

  @Test
  void rejects_a_file_without_the_webvtt_signature() {
    assertThatThrownBy(() -> VttTranscriptParser.parse("00:01.000 --> 00:02.000\nhi\n", SOURCE))
        .isInstanceOfSatisfying(TranscriptParseException.class, e -> {
          assertThat(e.problem()).isEqualTo(Problem.WRONG_FORMAT);
          assertThat(e.getMessage()).startsWith("transcript: not WebVTT");
        });
  }

  @Test
  void a_header_without_cues_is_malformed_and_an_empty_file_is_empty() {
    assertThatThrownBy(() -> VttTranscriptParser.parse("WEBVTT\n\nNOTE nothing here\n", SOURCE))
        .isInstanceOfSatisfying(TranscriptParseException.class,
            e -> assertThat(e.problem()).isEqualTo(Problem.MALFORMED));
    assertThatThrownBy(() -> VttTranscriptParser.parse("\n  \n", SOURCE))
        .isInstanceOfSatisfying(TranscriptParseException.class,
            e -> assertThat(e.problem()).isEqualTo(Problem.EMPTY));
  }
}
