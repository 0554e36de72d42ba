package io.podinsights.transcript.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.podinsights.transcript.Segment;
import io.podinsights.transcript.Transcript;
import io.podinsights.transcript.TranscriptFormat;
import io.podinsights.transcript.TranscriptSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class TextTranscriptParserTest {

  private static Transcript parse(String fixture) throws IOException {
    Path p = Path.of("src/test/resources/transcript", fixture);
    return TextTranscriptParser.parse(Files.readString(p), new TranscriptSource.Local(p.toString(), TranscriptFormat.TEXT));
  }

  private static List<Optional<String>> speakers(Transcript t) {
    return t.segments().stream().map(Segment::speaker).toList();
  }

  @Test
  void reads_name_and_time_turns_and_skips_front_matter_and_headings() throws IOException {
    Transcript t = parse("lenny-style.md");
    assertThat(t.segments()).hasSize(4);
    assertThat(speakers(t)).containsExactly(Optional.of("Maya Ortiz"), Optional.of("Dev Patel"), Optional.of("Maya Ortiz"),
        Optional.of("Maya Ortiz"));
    assertThat(t.segments().get(0).text()).startsWith("Raising prices");
    assertThat(t.segments().get(3).start()).isEqualTo(Duration.ofSeconds(31));
    assertThat(t.segments().get(0).end()).isEqualTo(Duration.ofSeconds(9));
    assertThat(t.text()).doesNotContain("title:", "# Pricing", "growth");
  }

  @Test
  void reads_bracketed_times_and_times_on_their_own_line() throws IOException {
    Transcript t = parse("bracket-style.txt");
    assertThat(speakers(t)).containsExactly(Optional.of("Host"), Optional.of("Guest Name"), Optional.of("Guest Name"));
    assertThat(t.segments().get(0).start()).isEqualTo(Duration.ofSeconds(5));
    assertThat(t.segments().get(2).start()).isEqualTo(Duration.ofSeconds(70));
    assertThat(t.segments().get(2).text()).isEqualTo("A timestamp on its own line sets this turn's start.");
  }

  @Test
  void splits_bold_turns_at_inline_marks_and_interpolates_unmarked_paragraphs() throws IOException {
    Transcript t = parse("bold-inline.md");
    List<String> texts = t.segments().stream().map(Segment::text).toList();
    assertThat(texts.getFirst()).isEqualTo("We moved the whole team to written proposals.");
    assertThat(texts.get(1)).isEqualTo("After that, meetings got shorter.");
    assertThat(t.segments().get(1).start()).isEqualTo(Duration.ofSeconds(135));
    assertThat(t.segments().get(2).speaker()).contains("Ana Lima");
    assertThat(t.segments().get(2).start()).isBetween(Duration.ofSeconds(135), Duration.ofSeconds(200));
    assertThat(speakers(t)).doesNotContain(Optional.of("Break"));
    Segment tom = t.segments().stream().filter(s -> s.speaker().equals(Optional.of("Tom Reed"))).findFirst().orElseThrow();
    assertThat(tom.start()).isEqualTo(Duration.ofSeconds(200));
    assertThat(tom.text()).isEqualTo("Did the proposals slow anything down?");
    Segment last = t.segments().getLast();
    assertThat(last.speaker()).contains("Ana Lima");
    assertThat(last.start()).isEqualTo(Duration.ofMillis(220_500));
    assertThat(texts).noneMatch(s -> s.contains("**"));
    assertMonotonic(t);
  }

  @Test
  void treats_recurring_short_labels_as_speakers_but_not_a_note_in_prose() throws IOException {
    Transcript t = parse("bare-names.txt");
    assertThat(speakers(t)).doesNotContain(Optional.of("Note"));
    assertThat(t.segments().stream().filter(s -> s.text().startsWith("Note: this whole line"))).singleElement()
        .extracting(Segment::speaker).isEqualTo(Optional.of("Speaker 1"));
    assertThat(t.segments().getLast().speaker()).contains("Speaker 0");
    assertThat(t.segments().getLast().start()).isPositive();
    assertMonotonic(t);
  }

  @Test
  void plain_prose_without_names_or_times_gets_estimated_times() {
    Transcript t = TextTranscriptParser.parse("one two three four five\nsix seven eight nine ten\n",
        new TranscriptSource.Local("x", TranscriptFormat.TEXT));
    assertThat(t.segments()).hasSize(2);
    assertThat(t.segments().get(1).start()).isEqualTo(Duration.ofSeconds(2));
    assertThat(t.segments().get(1).end()).isEqualTo(Duration.ofSeconds(4));
    assertThat(t.segments().get(0).speaker()).isEmpty();
  }

  record Expect(String path, int minSpeakers, int maxSpeakers, String firstSpeaker) {}

  @Test
  void reads_the_real_shared_transcripts() throws IOException {
    Path root = Path.of("../shared/data/episodes");
    Assumptions.assumeTrue(Files.isDirectory(root), "shared episodes absent: " + root.toAbsolutePath());
    List<Expect> expects = new ArrayList<>(List.of(
        new Expect("lennys-podcast/ryan-singer/transcript.md", 2, 3, "Ryan Singer"),
        new Expect("lennys-podcast/wes-kao/transcript.md", 2, 3, "Wes Kao"),
        new Expect("changelog-founders-talk/founders-talk-68.transcript.md", 2, 2, "Adam Stacoviak"),
        new Expect("changelog-founders-talk/founders-talk-86.transcript.md", 2, 3, "Adam Stacoviak"),
        new Expect("rev16/10.nonverbatim.derived.txt", 2, 4, "Speaker 0")));
    for (Expect e : expects) {
      Path p = root.resolve(e.path());
      Transcript t = TextTranscriptParser.parse(Files.readString(p), new TranscriptSource.Local(p.toString(),
          TranscriptFormat.TEXT));
      long distinct = t.segments().stream().map(Segment::speaker).flatMap(Optional::stream).distinct().count();
      assertThat(distinct).as(e.path()).isBetween((long) e.minSpeakers(), (long) e.maxSpeakers());
      assertThat(t.segments().getFirst().speaker()).as(e.path()).contains(e.firstSpeaker());
      assertThat(t.segments()).as(e.path()).allMatch(s -> s.speaker().isPresent());
      assertThat(t.text()).as(e.path()).doesNotContain("youtube_url", "**", "\\[");
      assertMonotonic(t);
      assertThat(t.length()).as(e.path()).isGreaterThan(Duration.ofMinutes(15));
    }
    try (Stream<Path> dirs = Files.list(root.resolve("lennys-podcast"))) {
      for (Path d : dirs.filter(Files::isDirectory).toList()) {
        Transcript t = TextTranscriptParser.parse(Files.readString(d.resolve("transcript.md")),
            new TranscriptSource.Local(d.toString(), TranscriptFormat.TEXT));
        assertThat(t.segments().size()).as(d.toString()).isGreaterThan(50);
        assertMonotonic(t);
      }
    }
  }

  private static void assertMonotonic(Transcript t) {
    Duration last = Duration.ZERO;
    for (Segment s : t.segments()) {
      assertThat(s.start()).isGreaterThanOrEqualTo(last);
      assertThat(s.end()).isGreaterThanOrEqualTo(s.start());
      last = s.start();
    }
  }
}
