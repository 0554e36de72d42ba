package io.podinsights.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.podinsights.App;
import io.podinsights.config.Config;
import io.podinsights.config.ConfigKey;
import io.podinsights.config.Keys;
import io.podinsights.storage.Dialect;
import io.podinsights.storage.DigestRow;
import io.podinsights.storage.DigestStatus;
import io.podinsights.storage.FeedRow;
import io.podinsights.storage.FeedStatus;
import io.podinsights.storage.Stage;
import io.podinsights.storage.StageStatus;
import io.podinsights.storage.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole pipeline on real parts (loopback HTTP, the real parser, transcript readers, miner, outbox) on SQLite and
 * on PostgreSQL: broken feeds fail on their own rows while the good one carries on, and digests are built once a day
 * and never repeat an insight.
 */
class PipelineIT {
  private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
  private static final String NO_TRANSCRIPT_FEED = """
      <?xml version="1.0" encoding="UTF-8"?>
      <rss version="2.0" xmlns:podcast="https://podcastindex.org/namespace/1.0"><channel>
      <title>Dead Links Weekly</title><link>{{BASE}}/</link>
      <item><title>Lost episode</title><guid>lost-1</guid><pubDate>Mon, 16 Nov 2026 06:00:00 +0000</pubDate>
      <podcast:transcript url="{{BASE}}/missing.vtt" type="text/vtt"/></item>
      </channel></rss>
      """;

  @TempDir Path dir;

  @ParameterizedTest
  @MethodSource("io.podinsights.storage.TestDatabases#dialects")
  void good_feeds_flow_to_a_daily_digest_while_broken_ones_fail_on_their_own(Dialect dialect) throws Exception {
    try (var fresh = TestDatabases.open(dialect);
        var server = new TestPodcastServer().serveDemo("/good.xml")) {
      server.serve("/html", "text/html", "<!doctype html><html><head><title>Welcome</title></head><body>Hi</body></html>");
      server.serve("/gone", 410, "text/plain", "gone".getBytes());
      server.serve("/dead-links.xml", "application/rss+xml", NO_TRANSCRIPT_FEED);
      MutableClock clock = new MutableClock(T0);
      try (App app = App.open(config(fresh.url(), dialect), clock, List.of(server.endpoint()))) {
        for (String path : List.of("/good.xml", "/html", "/gone", "/dead-links.xml")) {
          app.feeds().add(server.base() + path, clock.instant());
        }

        PollReport poll = app.poller().pollDue((done, total) -> {});
        Map<String, FeedReport> byPath = poll.feeds().stream()
            .collect(Collectors.toMap(f -> f.url().substring(server.base().length()), Function.identity()));
        assertThat(byPath.get("/good.xml").kind()).isEqualTo(FeedReport.Kind.FETCHED);
        assertThat(byPath.get("/good.xml").newEpisodes()).isEqualTo(4);
        assertThat(byPath.get("/html").kind()).isEqualTo(FeedReport.Kind.FAILED);
        assertThat(byPath.get("/html").note()).hasValueSatisfying(n -> assertThat(n).contains("HTML page"));
        assertThat(byPath.get("/gone").kind()).isEqualTo(FeedReport.Kind.GONE);
        FeedRow html = app.feeds().byUrl(server.base() + "/html").orElseThrow();
        assertThat(html.lastError()).hasValueSatisfying(e -> assertThat(e).contains("will retry in 1 h"));
        assertThat(html.nextPollAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
        assertThat(app.feeds().byUrl(server.base() + "/gone").orElseThrow().status()).isEqualTo(FeedStatus.GONE);

        ProcessReport processed = app.processor().processDue(e -> {});
        assertThat(processed.count(StageEvent.Result.DONE)).isEqualTo(8);
        assertThat(processed.events()).filteredOn(e -> e.result() == StageEvent.Result.GAVE_UP).singleElement()
            .satisfies(e -> {
              assertThat(e.row().episodeTitle()).isEqualTo("Lost episode");
              assertThat(e.message()).contains("missing.vtt").contains("404").contains("no audio file");
            });
        assertThat(app.stages().counts().get(Stage.INSIGHTS)).containsEntry(StageStatus.DONE, 4);

        DigestService digests = app.digestService();
        digests.runDue();
        digests.runDue();
        DigestRow first = app.digests().find("local", LocalDate.of(2026, 11, 23)).orElseThrow();
        assertThat(first.status()).isEqualTo(DigestStatus.SENT);
        assertThat(first.insightIds()).hasSize(5);
        assertThat(first.text()).contains("The Long Game");
        assertThat(Files.readString(dir.resolve("data/digests/digest-2026-11-23.html"))).contains("The Long Game");
        assertThat(app.processor().processDue(e -> {}).events()).isEmpty();

        clock.advance(Duration.ofHours(2));
        int feedHits = server.hits("/good.xml");
        PollReport again = app.poller().pollDue((done, total) -> {});
        assertThat(server.hits("/good.xml")).isEqualTo(feedHits + 1);
        assertThat(again.feeds()).filteredOn(f -> f.url().endsWith("/good.xml")).singleElement()
            .satisfies(f -> assertThat(f.kind()).isEqualTo(FeedReport.Kind.NOT_MODIFIED));
        assertThat(again.feeds()).noneMatch(f -> f.url().endsWith("/gone"));
        assertThat(app.feeds().byUrl(server.base() + "/html").orElseThrow().consecutiveFailures()).isEqualTo(2);

        clock.advance(Duration.ofDays(1));
        digests.runDue();
        DigestRow second = app.digests().find("local", LocalDate.of(2026, 11, 24)).orElseThrow();
        assertThat(second.insightIds()).isNotEmpty();
        Set<Long> overlap = new HashSet<>(first.insightIds());
        overlap.retainAll(second.insightIds());
        assertThat(overlap).isEmpty();
      }
    }
  }

  private Config config(String url, Dialect dialect) {
    Map<ConfigKey<?>, String> values = new HashMap<>(Map.of(
        Keys.DATA_DIR, dir.resolve("data").toString(),
        Keys.DATABASE_URL, url,
        Keys.DIGEST_ZONE, "UTC",
        Keys.PIPELINE_BACKFILL, "10"));
    if (dialect == Dialect.POSTGRESQL) values.put(Keys.DATABASE_USER, "postgres");
    return Config.defaults().with(values);
  }
}
