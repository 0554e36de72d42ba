package io.podinsights.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.podinsights.transcript.Segment;
import io.podinsights.transcript.Transcript;
import io.podinsights.transcript.TranscriptFormat;
import io.podinsights.transcript.TranscriptSource;
import io.podinsights.transcript.format.TextTranscriptParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OfflineMinerTest {
  private static Embedder embedder;
  private static OfflineMiner miner;

  @BeforeAll
  static void loadModelOnce() {
    embedder = new BgeSmallEmbedder();
    miner = new OfflineMiner(embedder, MinerSettings.defaults().withMaxInsights(5));
  }

  private static Transcript fixture(String name) throws IOException {
    Path p = Path.of("src/test/resources/insight", name);
    return TextTranscriptParser.parse(Files.readString(p), new TranscriptSource.Local(p.toString(), TranscriptFormat.TEXT));
  }

  private static void assertStandalone(List<MinedInsight> mined, Transcript t) {
    for (MinedInsight m : mined) {
      assertThat(StandaloneCheck.violations(m.insight().text(), m.insight().quote(), t.text()))
          .as(m.insight().text()).isEmpty();
      assertThat(m.embedding()).hasSize(384);
      assertThat(m.insight().end()).isGreaterThanOrEqualTo(m.insight().start());
      assertThat(m.insight().explain()).containsKeys("insight_like", "centrality", "specificity", "lesson_cues", "total");
      assertThat(m.insight().aiWritten()).isFalse();
    }
  }

  @Test
  void empty_transcript_gives_no_insights() {
    assertThat(miner.mine(new Transcript(List.of(), new TranscriptSource.Local("x", TranscriptFormat.TEXT)))).isEmpty();
    assertThat(miner.extract(TextTranscriptParser.parse("   \n\n", new TranscriptSource.Local("x", TranscriptFormat.TEXT))))
        .isEmpty();
  }

  @Test
  void music_cues_and_sponsor_reads_give_no_insights() throws IOException {
    assertThat(miner.mine(fixture("music-and-ads.txt"))).isEmpty();
  }

  @Test
  void picks_the_lesson_and_never_the_sponsor_read_or_the_host_questions() throws IOException {
    Transcript t = fixture("sponsor-and-talk.md");
    List<MinedInsight> mined = miner.mine(t);
    assertThat(mined).isNotEmpty();
    assertThat(mined).noneMatch(m -> m.insight().text().contains("Lumafold") || m.insight().text().contains("code"));
    assertThat(mined).noneMatch(m -> m.insight().text().endsWith("?"));
    assertThat(mined.getFirst().insight().speaker()).contains("Ben Okafor");
    assertThat(mined.getFirst().insight().text()).containsAnyOf("generalist", "owner", "narrow job descriptions");
    assertStandalone(mined, t);
  }

  @Test
  void leaves_short_fragment_answers_off_the_front_of_an_insight() throws IOException {
    Transcript t = fixture("fragment-openers.md");
    List<MinedInsight> mined = miner.mine(t);
    assertThat(mined).isNotEmpty();
    assertThat(mined).noneMatch(m -> m.insight().text().startsWith("From day one")
        || m.insight().text().startsWith("Not in the first part"));
    assertThat(mined).anyMatch(m -> m.insight().text().startsWith("Every decision we make")
        || m.insight().text().startsWith("Writing a memo takes"));
    assertStandalone(mined, t);
  }

  @Test
  void refuses_a_transcript_in_another_language() throws IOException {
    assertThatThrownBy(() -> miner.mine(fixture("french.txt"))).isInstanceOf(NotEnglishException.class)
        .hasMessage("insight: transcript looks like French, not English; no insights mined");
  }

  @Test
  void mines_lower_case_unpunctuated_machine_text() throws IOException {
    Transcript t = fixture("machine-lowercase.txt");
    List<MinedInsight> mined = miner.mine(t);
    assertThat(mined).isNotEmpty();
    for (MinedInsight m : mined) {
      assertThat(Character.isUpperCase(m.insight().text().charAt(0))).as(m.insight().text()).isTrue();
      assertThat(m.insight().text()).endsWith(".").doesNotContain(" um ", " uh ", " i ");
    }
    assertThat(mined).anyMatch(m -> m.insight().text().toLowerCase().contains("budget")
        || m.insight().text().toLowerCase().contains("calendar"));
    assertStandalone(mined, t);
  }

  @Test
  void works_without_speaker_names() throws IOException {
    Transcript t = fixture("no-speakers.txt");
    List<MinedInsight> mined = miner.mine(t);
    assertThat(mined).isNotEmpty().allMatch(m -> m.insight().speaker().isEmpty());
    assertThat(mined.getFirst().insight().text()).containsAnyOf("underprice", "value", "tiers", "plans");
    assertThat(mined).noneMatch(m -> m.insight().text().startsWith("Thanks for listening"));
    assertStandalone(mined, t);
  }

  @Test
  void five_hour_transcript_is_mined_within_bounds() throws IOException {
    Path real = Path.of("../shared/data/episodes/lennys-podcast/ryan-singer/transcript.md");
    Transcript base = Files.isReadable(real)
        ? TextTranscriptParser.parse(Files.readString(real), new TranscriptSource.Local(real.toString(), TranscriptFormat.TEXT))
        : fixture("sponsor-and-talk.md");
    List<Segment> segments = new ArrayList<>();
    Duration offset = Duration.ZERO;
    while (offset.compareTo(Duration.ofHours(5)) < 0) {
      for (Segment s : base.segments()) segments.add(new Segment(s.start().plus(offset), s.end().plus(offset), s.speaker(), s.text()));
      offset = offset.plus(base.length()).plusSeconds(1);
    }
    Transcript t = new Transcript(segments, base.source());
    List<MinedInsight> mined = new OfflineMiner(embedder, MinerSettings.defaults().withMaxInsights(10)).mine(t);
    assertThat(mined).hasSize(10);
    assertThat(mined).allMatch(m -> m.insight().end().compareTo(t.length()) <= 0);
    assertThat(mined.stream().map(m -> m.insight().quote()).distinct()).hasSizeGreaterThan(1);
  }

  @Test
  void tiles_do_not_overlap_and_skip_ads() throws IOException {
    List<Passage> tiles = miner.tiles(fixture("sponsor-and-talk.md"));
    assertThat(tiles).isNotEmpty().noneMatch(p -> p.text().contains("Lumafold"));
    for (int i = 1; i < tiles.size(); i++) assertThat(tiles.get(i).start()).isGreaterThanOrEqualTo(tiles.get(i - 1).end());
  }
}
