package io.podinsights.podcast;

/** The episode's media file; {@code length} is the byte size the feed declares, or -1 when unknown. */
public record Enclosure(String url, String type, long length) {
  public Enclosure {
    if (url == null || url.isBlank()) throw new IllegalArgumentException("enclosure: empty url");
    type = type == null ? "" : type;
  }
}
