package io.podinsights.feed.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;

/** Loads the parser's own fixture feeds from src/test/resources/feed/parse and parses them with a fixed clock. */
final class Fixtures {
  static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
  static final InstantSource CLOCK = InstantSource.fixed(NOW);
  static final URI FEED_URL = URI.create("https://feeds.example/shows/main.rss");

  private Fixtures() {}

  static byte[] bytes(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/feed/parse/" + name)) {
      return Objects.requireNonNull(in, "fixture " + name).readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ParsedFeed parse(String name) throws FeedParseException {
    return new FeedParser(CLOCK).parse(FeedInput.of(bytes(name), FEED_URL));
  }
}
