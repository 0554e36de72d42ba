package io.podinsights.transcript.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.podinsights.transcript.Segment;
import io.podinsights.transcript.Transcript;
import io.podinsights.transcript.TranscriptFormat;
import io.podinsights.transcript.format.TranscriptParseException.Problem;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonTranscriptParserTest {
  private static final io.podinsights.transcript.TranscriptSource SOURCE = Fixtures.local("t.json", TranscriptFormat.JSON);

  @Test
  void merges_word_level_segments_into_sentences_per_speaker() throws Exception {
    Transcript t = JsonTranscriptParser.parse(Fixtures.text("words.json"), SOURCE);

    assertThat(t.segments()).extracting(Segment::text).containsExactly(
        "Welcome back everyone.", "Today we talk pricing", "Finally, yes!", "Anyway");
    assertThat(t.segments()).extracting(s -> s.speaker().orElse("?"))
        .containsExactly("Ada", "Ada", "Grace", "Grace");
    Segment first = t.segments().getFirst();
    assertThat(first.start()).isEqualTo(Duration.ZERO);
    assertThat(first.end()).isEqualTo(Duration.ofSeconds(1));
    Segment pricing = t.segments().get(1);
    assertThat(pricing.start()).isEqualTo(Duration.ofMillis(1200));
    assertThat(pricing.end()).isEqualTo(Duration.ofMillis(2500));
  }

  @Test
  void splits_word_level_text_after_a_long_pause() throws Exception {
    Transcript t = JsonTranscriptParser.parse(Fixtures.text("words.json"), SOURCE);

    Segment anyway = t.segments().getLast();
    assertThat(anyway.start()).isEqualTo(Duration.ofSeconds(7));
    assertThat(anyway.end()).isEqualTo(Duration.ofMillis(7400));
  }

  @Test
  void keeps_phrase_segments_and_takes_a_missing_end_from_the_next_start() throws Exception {
    Transcript t = JsonTranscriptParser.parse(Fixtures.text("phrases.json"), SOURCE);

    assertThat(t.segments()).hasSize(3);
    Segment first = t.segments().getFirst();
    assertThat(first.start()).isEqualTo(Duration.ofMillis(1250));
    assertThat(first.end()).isEqualTo(Duration.ofSeconds(6));
    assertThat(first.speaker()).contains("Ada");
    assertThat(t.segments().get(1).end()).isEqualTo(Duration.ofMillis(9500));
    Segment last = t.segments().getLast();
    assertThat(last.speaker()).isEmpty();
    assertThat(last.start()).isEqualTo(Duration.ofSeconds(12));
    assertThat(last.end()).isEqualTo(Duration.ofSeconds(12));
  }

  @Test
  void official_example_becomes_two_readable_sentences() throws Exception {
    String official = """
        {"version":"1.0.0","segments":[
          {"speaker":"Darth Vader","startTime":0.5,"endTime":0.75,"body":"I"},
          {"speaker":"Darth Vader","startTime":1,"endTime":1.25,"body":"am"},
          {"speaker":"Darth Vader","startTime":1.5,"endTime":2.0,"body":"your"},
          {"speaker":"Darth Vader","startTime":2.25,"endTime":2.5,"body":"father.\\n"},
          {"speaker":"Luke","startTime":2.75,"endTime":3.0,"body":"Nooooo"}]}""";

    Transcript t = JsonTranscriptParser.parse(official, SOURCE);

    assertThat(t.segments()).containsExactly(
        Segment.of(0.5, 2.5, "Darth Vader", "I am your father."),
        Segment.of(2.75, 3.0, "Luke", "Nooooo"));
  }

  @Test
  void rejects_json_without_a_segments_array_as_wrong_format() {
    assertThatThrownBy(() -> JsonTranscriptParser.parse("{\"version\":\"1.0.0\",\"items\":[]}", SOURCE))
        .isInstanceOfSatisfying(TranscriptParseException.class, e -> {
          assertThat(e.problem()).isEqualTo(Problem.WRONG_FORMAT);
          assertThat(e.getMessage()).startsWith("transcript: ").contains("segments");
        });
  }

  @Test
  void rejects_text_that_is_not_json() {
    assertThatThrownBy(() -> JsonTranscriptParser.parse("WEBVTT\n\n00:01.000 --> 00:02.000\nhi", SOURCE))
        .isInstanceOfSatisfying(TranscriptParseException.class,
            e -> assertThat(e.problem()).isEqualTo(Problem.WRONG_FORMAT));
  }

  @Test
  void segments_without_any_text_are_no_text() {
    assertThatThrownBy(() -> JsonTranscriptParser.parse("{\"segments\":[{\"startTime\":1,\"body\":\" \"}]}", SOURCE))
        .isInstanceOfSatisfying(TranscriptParseException.class,
            e -> assertThat(e.problem()).isEqualTo(Problem.NO_TEXT));
  }

  @Test
  void reads_a_bare_array_of_segments() throws Exception {
    Transcript t = JsonTranscriptParser.parse(
        "[{\"startTime\":0,\"endTime\":2,\"body\":\"Just the array, please.\"}]", SOURCE);
    assertThat(t.segments()).extracting(Segment::speaker).containsExactly(Optional.empty());
    assertThat(t.text()).isEqualTo("Just the array, please.");
    assertThat(List.of(t.source())).containsExactly(SOURCE);
  }
}
