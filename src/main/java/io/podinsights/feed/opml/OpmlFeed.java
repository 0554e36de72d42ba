package io.podinsights.feed.opml;

import java.util.List;
import java.util.Objects;

/** One subscription in an OPML list: the feed URL, its title, and the category path it sits under (outermost first). */
public record OpmlFeed(String url, String title, List<String> categories) {
  public OpmlFeed {
    if (url == null || url.isBlank()) throw new IllegalArgumentException("opml: feed with an empty url");
    url = url.strip();
    title = Objects.requireNonNullElse(title, "").strip();
    categories = List.copyOf(categories);
  }

  public OpmlFeed(String url, String title) {
    this(url, title, List.of());
  }
}
