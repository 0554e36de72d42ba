package io.podinsights.feed.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Header parsing (Retry-After, Cache-Control, HTTP-date) and URL redaction (F15). */
class HeadersAndRedactionTest {
  private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

  @Test
  void parses_retry_after_seconds_and_all_three_http_date_formats() {
    assertThat(ResponseHeaders.retryAfter(Optional.of("120"), NOW)).contains(Duration.ofMinutes(2));
    assertThat(ResponseHeaders.retryAfter(Optional.of("Mon, 23 Nov 2026 13:00:00 GMT"), NOW)).contains(Duration.ofHours(1));
    assertThat(ResponseHeaders.retryAfter(Optional.of("Monday, 23-Nov-26 13:00:00 GMT"), NOW)).contains(Duration.ofHours(1));
    assertThat(ResponseHeaders.retryAfter(Optional.of("Mon Nov 23 13:00:00 2026"), NOW)).contains(Duration.ofHours(1));
  }

  @Test
  void ignores_garbage_negative_and_past_retry_after() {
    assertThat(ResponseHeaders.retryAfter(Optional.of("later"), NOW)).isEmpty();
    assertThat(ResponseHeaders.retryAfter(Optional.of("-5"), NOW)).isEmpty();
    assertThat(ResponseHeaders.retryAfter(Optional.of("Mon, 23 Nov 2026 11:00:00 GMT"), NOW)).isEmpty();
    assertThat(ResponseHeaders.retryAfter(Optional.empty(), NOW)).isEmpty();
  }

  @Test
  void reads_max_age_from_cache_control() {
    assertThat(ResponseHeaders.maxAge(Optional.of("public, max-age=3600"))).contains(Duration.ofHours(1));
    assertThat(ResponseHeaders.maxAge(Optional.of("no-cache"))).isEmpty();
    assertThat(ResponseHeaders.maxAge(Optional.of("max-age=soon"))).isEmpty();
  }

  @Test
  void redacts_secret_query_values_and_user_info_but_keeps_harmless_ones() {
    assertThat(UrlRedactor.redact(URI.create("https://feeds.example.com/private?auth=abc123&page=2")))
        .isEqualTo("https://feeds.example.com/private?auth=***&page=2");
    assertThat(UrlRedactor.redact(URI.create("https://x.example/rss?k=9f86d081884c7d659a2feaa0c55ad015")))
        .isEqualTo("https://x.example/rss?k=***");
    assertThat(UrlRedactor.redact(URI.create("https://user:pw@x.example/rss"))).isEqualTo("https://***@x.example/rss");
    assertThat(UrlRedactor.redact(URI.create("https://x.example/rss?format=xml#top"))).isEqualTo("https://x.example/rss?format=xml#top");
  }
}
