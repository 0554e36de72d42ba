package io.podinsights.transcript.speech;

import static org.assertj.core.api.Assertions.assertThat;

import io.podinsights.transcript.Segment;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceBuilderTest {

  private static List<Word> words(Object... timeAndText) {
    List<Word> out = new ArrayList<>();
    for (int i = 0; i < timeAndText.length; i += 2) {
      double start = ((Number) timeAndText[i]).doubleValue();
      out.add(new Word(start, start + 0.3, (String) timeAndText[i + 1], 1));
    }
    return out;
  }

  @Test
  void a_pause_ends_a_sentence_and_capitalises_the_next_word() {
    List<Segment> segs = SentenceBuilder.segments(words(0.0, "so", 0.35, "we", 0.7, "began", 1.7, "then", 2.05, "it", 2.4, "rained"));
    assertThat(segs).hasSize(1);
    assertThat(segs.getFirst().text()).isEqualTo("So we began. Then it rained.");
  }

  @Test
  void a_long_pause_starts_a_new_segment_with_the_right_times() {
    List<Segment> segs = SentenceBuilder.segments(words(1.0, "hello", 1.35, "there", 4.0, "welcome", 4.35, "back"));
    assertThat(segs).extracting(Segment::text).containsExactly("Hello there.", "Welcome back.");
    assertThat(segs.get(1).start().toMillis()).isEqualTo(4000);
    assertThat(segs.get(1).end().toMillis()).isEqualTo(4650);
  }

  @Test
  void the_pronoun_i_is_always_capital() {
    List<Segment> segs = SentenceBuilder.segments(words(0.0, "yes", 0.35, "i", 0.7, "think", 1.05, "i'm", 1.4, "right"));
    assertThat(segs.getFirst().text()).isEqualTo("Yes I think I'm right.");
  }

  @Test
  void a_segment_never_runs_past_thirty_seconds_of_unbroken_speech() {
    List<Object> args = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      args.add(i * 0.35);
      args.add("word");
    }
    List<Segment> segs = SentenceBuilder.segments(words(args.toArray()));
    assertThat(segs).hasSizeGreaterThan(1);
    assertThat(segs).allSatisfy(s -> assertThat(s.end().minus(s.start()).toSeconds()).isLessThanOrEqualTo(30));
    assertThat(segs.stream().mapToInt(s -> s.text().split(" ").length).sum()).isEqualTo(120);
  }

  @Test
  void unknown_word_markers_and_no_words_give_nothing() {
    assertThat(SentenceBuilder.segments(List.of())).isEmpty();
    assertThat(SentenceBuilder.segments(words(0.0, "[unk]"))).isEmpty();
  }
}
