package io.podinsights.transcript.format;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.podinsights.transcript.Transcript;
import io.podinsights.transcript.TranscriptSource;
import io.podinsights.transcript.format.TranscriptParseException.Problem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads Podcasting 2.0 JSON transcripts ({@code {"version":"1.0.0","segments":[{speaker,startTime,endTime,body}]}}).
 * A missing endTime is the next segment's start (the last one ends where it starts). Word-by-word files are joined
 * into sentence segments per speaker (rules in {@link Cue}). Times may be numbers, numeric strings or clock strings
 * ("00:01:02.5").
 */
public final class JsonTranscriptParser {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonTranscriptParser() {}

  /** One entry of the segments array as written. */
  private record Entry(Duration start, Optional<Duration> end, Optional<String> speaker, String body) {}

  public static Transcript parse(String text, TranscriptSource source) throws TranscriptParseException {
    String body = Markup.normalizeLines(text);
    if (body.isBlank()) throw new TranscriptParseException(Problem.EMPTY, "the JSON file is empty");
    JsonNode root;
    try {
      root = MAPPER.readTree(body);
    } catch (JacksonException e) {
      throw new TranscriptParseException(Problem.WRONG_FORMAT,
          "not JSON: " + e.getOriginalMessage()
              + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()));
    }
    JsonNode segments = root.isArray() ? root : root.path("segments");
    if (!segments.isArray()) {
      throw new TranscriptParseException(Problem.WRONG_FORMAT,
          "the JSON has no \"segments\" array, so it is not a Podcasting 2.0 transcript");
    }
    List<Entry> entries = new ArrayList<>();
    Duration previous = Duration.ZERO;
    for (JsonNode node : segments) {
      if (!node.isObject()) continue;
      String words = node.hasNonNull("body") ? node.get("body").asText() : node.path("text").asText("");
      Optional<Duration> start = time(node, "startTime").or(() -> time(node, "start"));
      Optional<Duration> end = time(node, "endTime").or(() -> time(node, "end"));
      Optional<String> speaker = node.hasNonNull("speaker") ? Optional.of(node.get("speaker").asText()) : Optional.empty();
      Duration at = start.orElse(previous);
      previous = at;
      entries.add(new Entry(at, end, speaker.map(String::strip).filter(s -> !s.isEmpty()), words));
    }
    if (entries.isEmpty()) {
      throw new TranscriptParseException(Problem.NO_TEXT, "the JSON transcript has no segments");
    }
    List<Cue> cues = withEnds(entries);
    Transcript t = Cue.toTranscript(cues, source);
    if (t.segments().isEmpty()) {
      throw new TranscriptParseException(Problem.NO_TEXT, "the JSON transcript has " + entries.size() + " segments but none has text");
    }
    return t;
  }

  private static Optional<Duration> time(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) return Optional.empty();
    if (v.isNumber()) return Timecodes.ofSeconds(v.asDouble());
    String s = v.asText().strip();
    try {
      return Timecodes.ofSeconds(Double.parseDouble(s));
    } catch (NumberFormatException e) {
      return Timecodes.parse(s);
    }
  }

  private static List<Cue> withEnds(List<Entry> entries) {
    List<Cue> cues = new ArrayList<>(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      Duration end = e.end().orElse(i + 1 < entries.size() ? entries.get(i + 1).start() : e.start());
      cues.add(new Cue(e.start(), end, e.speaker(), e.body()));
    }
    return cues;
  }
}
