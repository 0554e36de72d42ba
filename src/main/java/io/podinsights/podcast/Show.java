package io.podinsights.podcast;

import java.util.List;
import java.util.Objects;

/** A podcast as its feed describes it; the feed URL and polling state live with the subscription, not here. */
public record Show(
    String title,
    String link,
    String description,
    String author,
    String imageUrl,
    String language,
    List<Person> persons) {

  public Show {
    Objects.requireNonNull(title, "show: title");
    link = Objects.requireNonNullElse(link, "");
    description = Objects.requireNonNullElse(description, "");
    author = Objects.requireNonNullElse(author, "");
    imageUrl = Objects.requireNonNullElse(imageUrl, "");
    language = Objects.requireNonNullElse(language, "");
    persons = List.copyOf(persons);
  }
}
