package io.podinsights.transcript;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** An episode's transcript: segments in time order, and where it came from. */
public record Transcript(List<Segment> segments, TranscriptSource source) {
  public Transcript {
    segments = List.copyOf(segments);
    Objects.requireNonNull(source, "transcript: source");
  }

  public boolean isEmpty() {
    return segments.stream().allMatch(s -> s.text().isBlank());
  }

  public Duration length() {
    return segments.isEmpty() ? Duration.ZERO : segments.getLast().end();
  }

  public String text() {
    return segments.stream().map(Segment::text).collect(Collectors.joining(" "));
  }
}
