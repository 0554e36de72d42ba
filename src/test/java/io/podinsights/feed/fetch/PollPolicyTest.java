package io.podinsights.feed.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When the next poll happens (reliability.md F3-F5, F8): pure functions of an explicit now. */
class PollPolicyTest {
  private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
  private final PollPolicy policy = PollPolicy.defaults();

  private static PollOutcome.Succeeded ok(Optional<Duration> feed, Optional<Duration> maxAge, Optional<Instant> expires) {
    return new PollOutcome.Succeeded(feed, new Freshness(maxAge, expires), Optional.empty());
  }

  private Instant next(PollOutcome o) {
    return policy.nextPoll(NOW, o).orElseThrow();
  }

  @Test
  void polls_after_the_base_interval_without_hints() {
    assertThat(next(ok(Optional.empty(), Optional.empty(), Optional.empty()))).isEqualTo(NOW.plus(Duration.ofHours(1)));
  }

  @Test
  void takes_the_longest_of_ttl_max_age_and_expires() {
    assertThat(next(ok(Optional.of(Duration.ofHours(3)), Optional.empty(), Optional.empty())))
        .isEqualTo(NOW.plus(Duration.ofHours(3)));
    assertThat(next(ok(Optional.of(Duration.ofHours(3)), Optional.of(Duration.ofHours(5)), Optional.empty())))
        .isEqualTo(NOW.plus(Duration.ofHours(5)));
    assertThat(next(ok(Optional.empty(), Optional.of(Duration.ofMinutes(5)), Optional.of(NOW.plus(Duration.ofHours(7))))))
        .isEqualTo(NOW.plus(Duration.ofHours(7)));
  }

  @Test
  void never_polls_sooner_than_the_base_interval_even_if_the_server_says_max_age_0() {
    assertThat(next(ok(Optional.of(Duration.ofMinutes(1)), Optional.of(Duration.ZERO), Optional.of(NOW.minusSeconds(60)))))
        .isEqualTo(NOW.plus(Duration.ofHours(1)));
  }

  @Test
  void caps_every_hint_at_the_max_interval() {
    assertThat(next(ok(Optional.of(Duration.ofDays(7)), Optional.empty(), Optional.empty())))
        .isEqualTo(NOW.plus(Duration.ofHours(24)));
  }

  @Test
  void backs_off_by_interval_times_failures_capped() {
    assertThat(next(new PollOutcome.Failed(1, Optional.empty()))).isEqualTo(NOW.plus(Duration.ofHours(1)));
    assertThat(next(new PollOutcome.Failed(3, Optional.empty()))).isEqualTo(NOW.plus(Duration.ofHours(3)));
    assertThat(next(new PollOutcome.Failed(500, Optional.empty()))).isEqualTo(NOW.plus(Duration.ofHours(24)));
  }

  @Test
  void never_polls_before_retry_after() {
    assertThat(next(new PollOutcome.Failed(1, Optional.of(Duration.ofHours(6))))).isEqualTo(NOW.plus(Duration.ofHours(6)));
    assertThat(next(new PollOutcome.Failed(1, Optional.of(Duration.ofHours(30))))).isEqualTo(NOW.plus(Duration.ofHours(30)));
    assertThat(next(new PollOutcome.Failed(1, Optional.of(Duration.ofDays(400))))).isEqualTo(NOW.plus(Duration.ofDays(7)));
  }

  @Test
  void stops_polling_a_gone_feed() {
    assertThat(policy.nextPoll(NOW, new PollOutcome.Gone())).isEmpty();
  }

  @Test
  void turns_fetch_results_into_outcomes() {
    URI u = URI.create("https://example.com/rss");
    var gone = new FetchResult.Failed(u, new FetchError(FetchError.Kind.GONE, "fetch: gone", Optional.of(410), Optional.empty()));
    assertThat(PollOutcome.of(gone, Optional.empty(), 0)).isInstanceOf(PollOutcome.Gone.class);
    var limited = new FetchResult.Failed(u, new FetchError(FetchError.Kind.RATE_LIMITED, "fetch: slow down",
        Optional.of(429), Optional.of(Duration.ofHours(2))));
    assertThat(PollOutcome.of(limited, Optional.empty(), 2)).isEqualTo(new PollOutcome.Failed(3, Optional.of(Duration.ofHours(2))));
    var same = new FetchResult.NotModified(u, u, RedirectChain.NONE, Optional.of("\"e\""), Optional.empty(),
        new Freshness(Optional.of(Duration.ofHours(2)), Optional.empty()));
    assertThat(policy.nextPoll(NOW, PollOutcome.of(same, Optional.empty(), 4))).contains(NOW.plus(Duration.ofHours(2)));
  }
}
