package io.podinsights.feed.parse;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/** The bytes of a fetched feed, the URL they came from (base for relative links) and the HTTP Content-Type. */
public record FeedInput(byte[] body, URI baseUrl, Optional<String> httpContentType) {
  public FeedInput {
    Objects.requireNonNull(body, "feed input: body");
    Objects.requireNonNull(baseUrl, "feed input: baseUrl");
    Objects.requireNonNull(httpContentType, "feed input: httpContentType");
  }

  /** A feed read from {@code baseUrl} with no HTTP Content-Type (files, tests). */
  public static FeedInput of(byte[] body, URI baseUrl) {
    return new FeedInput(body, baseUrl, Optional.empty());
  }
}
