package io.podinsights.transcript.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podinsights.transcript.Segment;
import io.podinsights.transcript.Transcript;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * Writes a transcript as {@code {"segments":[{"start":1.5,"end":3.0,"speaker":"Sarah"|null,"text":"…"}]}}: times in
 * seconds with millisecond precision, keys always present and in this order. The shape is stable (CLI --json, API).
 */
public final class TranscriptJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private TranscriptJson() {}

  public static ObjectNode tree(Transcript transcript) {
    ObjectNode root = MAPPER.createObjectNode();
    ArrayNode segments = root.putArray("segments");
    for (Segment s : transcript.segments()) {
      ObjectNode node = segments.addObject();
      node.put("start", seconds(s.start()));
      node.put("end", seconds(s.end()));
      if (s.speaker().isPresent()) node.put("speaker", s.speaker().get());
      else node.putNull("speaker");
      node.put("text", s.text());
    }
    return root;
  }

  /** Compact JSON on one line. */
  public static String write(Transcript transcript) {
    try {
      return MAPPER.writeValueAsString(tree(transcript));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("transcript: could not write JSON", e);
    }
  }

  /** Indented JSON for people (CLI output). */
  public static String writePretty(Transcript transcript) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree(transcript));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("transcript: could not write JSON", e);
    }
  }

  private static double seconds(Duration d) {
    return Math.round(d.toNanos() / 1_000_000d) / 1000d;
  }
}
