package io.podinsights.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.podinsights.insight.Insight;
import io.podinsights.podcast.Enclosure;
import io.podinsights.podcast.Episode;
import io.podinsights.podcast.Person;
import io.podinsights.podcast.Show;
import io.podinsights.podcast.TranscriptLink;
import io.podinsights.transcript.Segment;
import io.podinsights.transcript.Transcript;
import io.podinsights.transcript.TranscriptFormat;
import io.podinsights.transcript.TranscriptSource;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The repositories behave the same on SQLite and on a real PostgreSQL server. */
class StorageIT {
  private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

  @ParameterizedTest
  @MethodSource("io.podinsights.storage.TestDatabases#dialects")
  void subscribing_twice_is_a_no_op_and_new_feeds_are_due_now(Dialect dialect) {
    try (var fresh = TestDatabases.open(dialect)) {
      FeedRepository feeds = new FeedRepository(fresh.db());
      var first = feeds.add("https://example.com/feed.xml", T0);
      var again = feeds.add("https://example.com/feed.xml", T0.plusSeconds(5));
      assertThat(first.state()).isEqualTo(FeedRepository.SubscriptionState.NEW);
      assertThat(again.state()).isEqualTo(FeedRepository.SubscriptionState.EXISTING);
      assertThat(again.feedId()).isEqualTo(first.feedId());
      assertThat(feeds.due(T0, 10)).extracting(FeedRow::url).containsExactly("https://example.com/feed.xml");
      assertThat(feeds.due(T0.minusSeconds(1), 10)).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("io.podinsights.storage.TestDatabases#dialects")
  void a_poll_stores_new_episodes_once_and_queues_them_for_transcripts(Dialect dialect) {
    try (var fresh = TestDatabases.open(dialect)) {
      FeedRepository feeds = new FeedRepository(fresh.db());
      EpisodeRepository episodes = new EpisodeRepository(fresh.db());
      StageRepository stages = new StageRepository(fresh.db());
      long feed = feeds.add("https://example.com/feed.xml", T0).feedId();
      var outcome = fetched(T0);

      List<Long> created = episodes.addNew(feed, List.of(episode("a"), episode("b"), episode("old")), outcome,
          Stage.TRANSCRIPT, Set.of("a", "b"));
      List<Long> again = episodes.addNew(feed, List.of(episode("a"), episode("b"), episode("c")), outcome,
          Stage.TRANSCRIPT, Set.of("a", "b", "c"));

      assertThat(created).hasSize(2);
      assertThat(again).hasSize(1);
      assertThat(episodes.count()).isEqualTo(4);
      FeedRow row = feeds.byId(feed).orElseThrow();
      assertThat(row.title()).isEqualTo("The Long Game");
      assertThat(row.etag()).contains("\"v1\"");
      assertThat(row.nextPollAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
      StoredEpisode a = episodes.byId(created.getFirst()).orElseThrow();
      assertThat(a.episode().transcripts()).extracting(TranscriptLink::type).containsExactly("application/json");
      assertThat(a.episode().persons()).extracting(Person::name).containsExactly("Maya Chen");
      assertThat(a.episode().enclosure().map(Enclosure::length)).contains(1234L);
      assertThat(stages.counts().get(Stage.TRANSCRIPT)).containsEntry(StageStatus.PENDING, 3);
    }
  }

  @ParameterizedTest
  @MethodSource("io.podinsights.storage.TestDatabases#dialects")
  void failures_are_recorded_on_the_feed_row_and_a_success_clears_them(Dialect dialect) {
    try (var fresh = TestDatabases.open(dialect)) {
      FeedRepository feeds = new FeedRepository(fresh.db());
      long feed = feeds.add("https://example.com/feed.xml", T0).feedId();
      feeds.record(feed, new FeedPollOutcome.Failed("feed: answered 500", 3, FeedStatus.ACTIVE, T0, T0.plusSeconds(600)));
      FeedRow failed = feeds.byId(feed).orElseThrow();
      assertThat(failed.consecutiveFailures()).isEqualTo(3);
      assertThat(failed.lastError()).contains("feed: answered 500");
      feeds.record(feed, new FeedPollOutcome.Failed("feed: gone", 4, FeedStatus.GONE, T0, T0.plusSeconds(600)));
      assertThat(feeds.due(T0.plusSeconds(3600), 10)).isEmpty();
      feeds.record(feed, new FeedPollOutcome.NotModified(T0, T0.plusSeconds(60)));
      assertThat(feeds.byId(feed).orElseThrow().lastError()).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("io.podinsights.storage.TestDatabases#dialects")
  void a_stage_is_claimed_by_one_worker_and_reclaimed_after_its_lease_runs_out(Dialect dialect) throws Exception {
    try (var fresh = TestDatabases.open(dialect)) {
      long episode = oneEpisode(fresh.db());
      StageRepository stages = new StageRepository(fresh.db());
      var pool = Executors.newFixedThreadPool(4);
      Callable<Integer> claim = () -> stages.claimDue(Stage.TRANSCRIPT, T0, Duration.ofMinutes(30), 10).size();
      List<Future<Integer>> results = pool.invokeAll(List.of(claim, claim, claim, claim));
      pool.shutdown();
      int total = 0;
      for (var r : results) total += r.get();
      assertThat(total).isEqualTo(1);
      assertThat(stages.claimDue(Stage.TRANSCRIPT, T0.plusSeconds(60), Duration.ofMinutes(30), 10)).isEmpty();
      List<StageRow> reclaimed = stages.claimDue(Stage.TRANSCRIPT, T0.plus(Duration.ofMinutes(31)),
          Duration.ofMinutes(30), 10);
      assertThat(reclaimed).singleElement().satisfies(r -> {
        assertThat(r.episodeId()).isEqualTo(episode);
        assertThat(r.attempts()).isEqualTo(2);
      });
    }
  }

  @ParameterizedTest
  @MethodSource("io.podinsights.storage.TestDatabases#dialects")
  void failed_stages_wait_for_their_retry_time_and_abandoned_ones_wait_for_the_user(Dialect dialect) {
    try (var fresh = TestDatabases.open(dialect)) {
      long episode = oneEpisode(fresh.db());
      StageRepository stages = new StageRepository(fresh.db());
      stages.claimDue(Stage.TRANSCRIPT, T0, Duration.ofMinutes(30), 10);
      stages.fail(episode, Stage.TRANSCRIPT, "transcript: 404", Optional.of(T0.plusSeconds(600)), T0);
      assertThat(stages.claimDue(Stage.TRANSCRIPT, T0.plusSeconds(599), Duration.ofMinutes(30), 10)).isEmpty();
      assertThat(stages.claimDue(Stage.TRANSCRIPT, T0.plusSeconds(600), Duration.ofMinutes(30), 10)).hasSize(1);
      stages.fail(episode, Stage.TRANSCRIPT, "transcript: still 404", Optional.empty(), T0);
      assertThat(stages.claimDue(Stage.TRANSCRIPT, T0.plus(Duration.ofDays(9)), Duration.ofMinutes(30), 10)).isEmpty();
      assertThat(stages.problems(10)).singleElement().satisfies(r -> {
        assertThat(r.status()).isEqualTo(StageStatus.ABANDONED);
        assertThat(r.lastError()).contains("transcript: still 404");
      });
      assertThat(stages.retryFailed(T0)).isEqualTo(1);
      assertThat(stages.claimDue(Stage.TRANSCRIPT, T0, Duration.ofMinutes(30), 10)).hasSize(1);
    }
  }

  @ParameterizedTest
  @MethodSource("io.podinsights.storage.TestDatabases#dialects")
  void transcripts_and_insights_round_trip_and_advance_the_pipeline(Dialect dialect) {
    try (var fresh = TestDatabases.open(dialect)) {
      long episode = oneEpisode(fresh.db());
      TranscriptRepository transcripts = new TranscriptRepository(fresh.db());
      InsightRepository insights = new InsightRepository(fresh.db());
      StageRepository stages = new StageRepository(fresh.db());
      Transcript t = new Transcript(List.of(Segment.of(0, 4.5, "Maya Chen", "Hello."), Segment.of(4.5, 9, null, "Hi.")),
          new TranscriptSource.Published("https://example.com/t.json", TranscriptFormat.JSON));
      transcripts.saveAndAdvance(episode, t, T0);
      assertThat(transcripts.find(episode)).contains(t);
      assertThat(stages.find(episode, Stage.TRANSCRIPT).orElseThrow().status()).isEqualTo(StageStatus.DONE);
      assertThat(stages.find(episode, Stage.INSIGHTS).orElseThrow().status()).isEqualTo(StageStatus.PENDING);

      Insight insight = new Insight("Price on value, not cost.", "price on value not cost", Optional.of("Maya Chen"),
          Duration.ofSeconds(12), Duration.ofSeconds(20), 0.8, Map.of("lesson", 0.5), false);
      insights.saveAndAdvance(episode, List.of(insight), List.of(new float[] {0.25f, -1f}), T0);
      insights.saveAndAdvance(episode, List.of(insight), List.of(new float[] {0.25f, -1f}), T0);
      List<StoredInsight> stored = insights.ofEpisode(episode);
      assertThat(stored).singleElement().satisfies(s -> {
        assertThat(s.insight()).isEqualTo(insight);
        assertThat(s.embedding()).containsExactly(0.25f, -1f);
        assertThat(s.showTitle()).isEqualTo("The Long Game");
        assertThat(s.provenance()).isEqualTo("publisher transcript");
      });
      assertThat(stages.find(episode, Stage.INSIGHTS).orElseThrow().status()).isEqualTo(StageStatus.DONE);
    }
  }

  @ParameterizedTest
  @MethodSource("io.podinsights.storage.TestDatabases#dialects")
  void one_digest_per_recipient_and_day_and_its_insights_are_not_offered_again(Dialect dialect) {
    try (var fresh = TestDatabases.open(dialect)) {
      long episode = oneEpisode(fresh.db());
      InsightRepository insights = new InsightRepository(fresh.db());
      DigestRepository digests = new DigestRepository(fresh.db());
      Insight a = new Insight("A.", "a", Optional.empty(), Duration.ZERO, Duration.ZERO, 0.9, Map.of(), false);
      Insight b = new Insight("B.", "b", Optional.empty(), Duration.ZERO, Duration.ZERO, 0.5, Map.of(), false);
      insights.saveAndAdvance(episode, List.of(a, b), List.of(), T0);
      long first = insights.notYetSent("me@example.com", T0.minusSeconds(1)).getFirst().id();

      LocalDate day = LocalDate.of(2026, 11, 23);
      var d1 = digests.createIfAbsent(new NewDigest("me@example.com", day, "s", "<p>h</p>", "t", "<m@x>",
          List.of(first)), T0);
      var d2 = digests.createIfAbsent(new NewDigest("me@example.com", day, "other", "x", "y", "<n@x>",
          List.of()), T0);

      assertThat(d2.id()).isEqualTo(d1.id());
      assertThat(d2.subject()).isEqualTo("s");
      assertThat(d2.insightIds()).containsExactly(first);
      assertThat(insights.notYetSent("me@example.com", T0.minusSeconds(1))).extracting(s -> s.insight().text())
          .containsExactly("B.");
      assertThat(insights.notYetSent("you@example.com", T0.minusSeconds(1))).hasSize(2);
      assertThat(digests.dueToSend(T0)).hasSize(1);
      digests.markFailed(d1.id(), "smtp: 451 try later", Optional.of(T0.plusSeconds(300)), T0);
      assertThat(digests.dueToSend(T0)).isEmpty();
      assertThat(digests.dueToSend(T0.plusSeconds(300))).hasSize(1);
      digests.markSent(d1.id(), T0.plusSeconds(300));
      digests.markSent(d1.id(), T0.plusSeconds(400));
      DigestRow sent = digests.find("me@example.com", day).orElseThrow();
      assertThat(sent.status()).isEqualTo(DigestStatus.SENT);
      assertThat(sent.attempts()).isEqualTo(2);
      assertThat(sent.sentAt()).contains(T0.plusSeconds(300));
      assertThat(digests.lastPeriod("me@example.com")).contains(day);
    }
  }

  @ParameterizedTest
  @MethodSource("io.podinsights.storage.TestDatabases#dialects")
  void removing_a_feed_removes_its_episodes(Dialect dialect) {
    try (var fresh = TestDatabases.open(dialect)) {
      long episode = oneEpisode(fresh.db());
      EpisodeRepository episodes = new EpisodeRepository(fresh.db());
      FeedRepository feeds = new FeedRepository(fresh.db());
      long feed = episodes.byId(episode).orElseThrow().feedId();
      assertThat(feeds.remove(feed)).isTrue();
      assertThat(episodes.count()).isZero();
      assertThat(feeds.remove(feed)).isFalse();
    }
  }

  private static long oneEpisode(Database db) {
    long feed = new FeedRepository(db).add("https://example.com/feed.xml", T0).feedId();
    return new EpisodeRepository(db).addNew(feed, List.of(episode("a")), fetched(T0), Stage.TRANSCRIPT, Set.of("a"))
        .getFirst();
  }

  private static FeedPollOutcome.Fetched fetched(Instant at) {
    Show show = new Show("The Long Game", "https://example.com", "", "", "", "en", List.of());
    return new FeedPollOutcome.Fetched(show, Optional.of("\"v1\""), Optional.empty(), Optional.empty(), at,
        at.plus(Duration.ofHours(1)));
  }

  private static Episode episode(String guid) {
    return new Episode(guid, "Episode " + guid, "https://example.com/" + guid, "", Optional.of(T0),
        Optional.of(new Enclosure("https://example.com/" + guid + ".mp3", "audio/mpeg", 1234)),
        Optional.of(Duration.ofMinutes(42)),
        List.of(new TranscriptLink("https://example.com/" + guid + ".json", "application/json", "en", "")),
        List.of(new Person("Maya Chen", "host", "", "", "")), Optional.empty(), Optional.empty());
  }
}
