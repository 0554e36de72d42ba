package io.podinsights.podcast;

/** A {@code podcast:transcript} link: where the publisher's transcript is, and its declared MIME type. */
public record TranscriptLink(String url, String type, String language, String rel) {
  public TranscriptLink {
    if (url == null || url.isBlank()) throw new IllegalArgumentException("transcript link: empty url");
    type = type == null ? "" : type;
    language = language == null ? "" : language;
    rel = rel == null ? "" : rel;
  }
}
