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
import java.util.regex.Pattern;

/**
 * Reads Podcasting 2.0 JSON transcripts ({@code {"version":"1.0.0","segments":[{speaker,startTime,endTime,body}]}}).
 * A missing endTime is the next segment's start (the last one ends where it starts). When the file is word by word
 * (four in five bodies are one word), consecutive words of one speaker are joined into sentence segments: a segment
 * ends at the speaker's change, a word ending a sentence (. ! ? …) or a line, a pause over {@value #PAUSE_SECONDS} s,
 * or {@value #MAX_WORDS} words. Times may be numbers, numeric strings or clock strings ("00:01:02.5").
 */
public final class JsonTranscriptParser {
  static final double PAUSE_SECONDS = 2.0;
  static final int MAX_WORDS = 60;
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern SENTENCE_END = Pattern.compile(".*[.!?…][\"'”’)\\]]*$", Pattern.DOTALL);
  private static final Pattern PUNCTUATION_ONLY = Pattern.compile("[\\p{P}&&[^(\\[\"“‘'¿¡]]+");

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
          "not JSON: " + e.getOriginalMessage() + " at line " + e.getLocation().getLineNr());
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
    Transcript t = Cue.toTranscript(wordByWord(entries) ? sentences(cues) : cues, source);
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

  private static boolean wordByWord(List<Entry> entries) {
    long words = entries.stream().filter(e -> !e.body().isBlank()).count();
    long single = entries.stream().filter(e -> !e.body().isBlank() && !e.body().strip().matches(".*\\s.*")).count();
    return words >= 2 && single * 5 >= words * 4;
  }

  private static List<Cue> sentences(List<Cue> words) {
    List<Cue> out = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    Cue first = null;
    Cue last = null;
    int count = 0;
    for (Cue w : words) {
      String word = w.text().strip();
      if (word.isEmpty()) continue;
      boolean pause = last != null
          && w.start().minus(last.end()).compareTo(Duration.ofMillis((long) (PAUSE_SECONDS * 1000))) > 0;
      if (first != null && (!w.speaker().equals(first.speaker()) || pause)) {
        out.add(new Cue(first.start(), last.end(), first.speaker(), text.toString()));
        first = null;
      }
      if (first == null) {
        first = w;
        text.setLength(0);
        count = 0;
      }
      if (!text.isEmpty() && !PUNCTUATION_ONLY.matcher(word).matches()) text.append(' ');
      text.append(word);
      count++;
      last = w;
      if (SENTENCE_END.matcher(word).matches() || w.text().endsWith("\n") || count >= MAX_WORDS) {
        out.add(new Cue(first.start(), last.end(), first.speaker(), text.toString()));
        first = null;
      }
    }
    if (first != null) out.add(new Cue(first.start(), last.end(), first.speaker(), text.toString()));
    return out;
  }
}
