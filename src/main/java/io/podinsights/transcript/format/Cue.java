package io.podinsights.transcript.format;

import io.podinsights.transcript.Segment;
import io.podinsights.transcript.Transcript;
import io.podinsights.transcript.TranscriptSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One timed piece of a transcript file while it is being read. {@link #toTranscript} holds the timing rule every parser
 * shares: cues are stably sorted by start (document order among equal starts); overlapping cues keep their own times
 * (an end may pass the next start); an end before its own start becomes that start; nothing is negative; cues without
 * text are dropped; consecutive cues of one speaker stay separate.
 */
record Cue(Duration start, Duration end, Optional<String> speaker, String text) {

  static Transcript toTranscript(List<Cue> cues, TranscriptSource source) {
    List<Cue> sorted = new ArrayList<>(cues);
    sorted.sort(Comparator.comparing(Cue::start));
    List<Segment> segments = new ArrayList<>(sorted.size());
    for (Cue c : sorted) {
      String text = Markup.collapse(c.text());
      if (text.isEmpty()) continue;
      Duration start = c.start().isNegative() ? Duration.ZERO : c.start();
      segments.add(new Segment(start, c.end(), c.speaker(), text));
    }
    return new Transcript(segments, source);
  }
}
