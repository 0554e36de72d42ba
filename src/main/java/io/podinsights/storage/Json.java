package io.podinsights.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.podinsights.podcast.Person;
import io.podinsights.podcast.TranscriptLink;
import io.podinsights.transcript.Segment;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The JSON shapes stored in text columns: transcript links, persons, segments, score components. */
final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  record LinkJson(String url, String type, String language, String rel) {}

  record PersonJson(String name, String role, String group, String href, String img) {}

  record SegmentJson(long start, long end, String speaker, String text) {}

  static String links(List<TranscriptLink> links) {
    return write(links.stream().map(l -> new LinkJson(l.url(), l.type(), l.language(), l.rel())).toList());
  }

  static List<TranscriptLink> links(String json) {
    return read(json, new TypeReference<List<LinkJson>>() {}).stream()
        .map(l -> new TranscriptLink(l.url(), l.type(), l.language(), l.rel())).toList();
  }

  static String persons(List<Person> persons) {
    return write(persons.stream().map(p -> new PersonJson(p.name(), p.role(), p.group(), p.href(), p.img())).toList());
  }

  static List<Person> persons(String json) {
    return read(json, new TypeReference<List<PersonJson>>() {}).stream()
        .map(p -> new Person(p.name(), p.role(), p.group(), p.href(), p.img())).toList();
  }

  static String segments(List<Segment> segments) {
    return write(segments.stream().map(s -> new SegmentJson(
        s.start().toMillis(), s.end().toMillis(), s.speaker().orElse(null), s.text())).toList());
  }

  static List<Segment> segments(String json) {
    return read(json, new TypeReference<List<SegmentJson>>() {}).stream()
        .map(s -> new Segment(Duration.ofMillis(s.start()), Duration.ofMillis(s.end()),
            Optional.ofNullable(s.speaker()), s.text()))
        .toList();
  }

  static String scores(Map<String, Double> explain) {
    return write(explain);
  }

  static Map<String, Double> scores(String json) {
    return read(json, new TypeReference<Map<String, Double>>() {});
  }

  private static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("storage: can't write JSON: " + e.getMessage(), e);
    }
  }

  private static <T> T read(String json, TypeReference<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("storage: stored JSON is damaged: " + e.getOriginalMessage(), e);
    }
  }
}
