package io.podinsights.transcript.format;

import io.podinsights.transcript.Segment;
import io.podinsights.transcript.Transcript;
import io.podinsights.transcript.TranscriptSource;
import java.util.ArrayList;
import java.util.List;

/** Reads plain-text and Markdown transcripts: one segment per non-blank line (speaker and time styles to come). */
public final class TextTranscriptParser {
  private TextTranscriptParser() {}

  public static Transcript parse(String text, TranscriptSource source) {
    List<Segment> segments = new ArrayList<>();
    for (String line : text.split("\\R")) {
      if (!line.isBlank()) segments.add(Segment.of(0, 0, null, line.strip()));
    }
    return new Transcript(segments, source);
  }
}
