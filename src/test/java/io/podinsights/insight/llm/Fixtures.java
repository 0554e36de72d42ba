package io.podinsights.insight.llm;

import io.podinsights.insight.Insight;
import io.podinsights.transcript.Segment;
import io.podinsights.transcript.Transcript;
import io.podinsights.transcript.TranscriptFormat;
import io.podinsights.transcript.TranscriptSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the test transcripts ({@code start|end|speaker|text} lines) and the miner-like candidates for them. */
final class Fixtures {

  static final Path DIR = Path.of("src/test/resources/insight/llm");

  private Fixtures() {}

  static Transcript transcript(String name) {
    try {
      List<Segment> segments = new ArrayList<>();
      for (String line : Files.readAllLines(DIR.resolve(name))) {
        if (line.isBlank() || line.startsWith("#")) continue;
        String[] f = line.split("\\|", 4);
        segments.add(new Segment(clock(f[0]), clock(f[1]), Optional.of(f[2]), f[3]));
      }
      return new Transcript(segments, new TranscriptSource.Local(DIR.resolve(name).toString(), TranscriptFormat.TEXT));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(String name) {
    try {
      return Files.readString(DIR.resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Three candidates as the offline miner would give them for small-teams: hiring, on-call, decision records. */
  static List<Insight> smallTeamsCandidates() {
    return List.of(
        candidate("When you hire your first five people, weekly shipping matters more than pedigree, because at that "
            + "size nobody can hide and every slow week is visible.", "1:02", "1:20", 0.91),
        candidate("The rule I use is that whoever is on call does no feature work that week. Their whole job is to "
            + "make the pager quieter for the next person.", "2:45", "3:08", 0.84),
        candidate("A one-page decision record saves you the same argument three months later, when nobody remembers "
            + "why you chose Postgres.", "4:20", "4:45", 0.77));
  }

  static Insight candidate(String text, String start, String end, double score) {
    return new Insight(text, text, Optional.of("Maria"), clock(start), clock(end), score, Map.of("centrality", score), false);
  }

  static Duration clock(String mss) {
    String[] p = mss.split(":");
    return Duration.ofSeconds(Long.parseLong(p[0]) * 60 + Long.parseLong(p[1]));
  }
}
