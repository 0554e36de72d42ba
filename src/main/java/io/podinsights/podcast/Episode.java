package io.podinsights.podcast;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One episode of a show as its feed describes it. {@code guid} is the episode's identity within its show: the feed's
 * guid, else the enclosure URL, else the link (see the feed parser).
 */
public record Episode(
    String guid,
    String title,
    String link,
    String description,
    Optional<Instant> published,
    Optional<Enclosure> enclosure,
    Optional<Duration> duration,
    List<TranscriptLink> transcripts,
    List<Person> persons,
    Optional<Integer> season,
    Optional<Integer> number) {

  public Episode {
    if (guid == null || guid.isBlank()) throw new IllegalArgumentException("episode: empty guid");
    title = Objects.requireNonNullElse(title, "");
    link = Objects.requireNonNullElse(link, "");
    description = Objects.requireNonNullElse(description, "");
    Objects.requireNonNull(published, "episode: published");
    Objects.requireNonNull(enclosure, "episode: enclosure");
    Objects.requireNonNull(duration, "episode: duration");
    transcripts = List.copyOf(transcripts);
    persons = List.copyOf(persons);
    Objects.requireNonNull(season, "episode: season");
    Objects.requireNonNull(number, "episode: number");
  }
}
