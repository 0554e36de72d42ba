package io.podinsights.pipeline;

import io.podinsights.feed.fetch.FetchError;
import io.podinsights.feed.fetch.FetchRequest;
import io.podinsights.feed.fetch.FetchResult;
import io.podinsights.feed.fetch.GuardedHttpClient;
import io.podinsights.feed.fetch.PollOutcome;
import io.podinsights.feed.fetch.PollPolicy;
import io.podinsights.feed.fetch.RedirectChain;
import io.podinsights.feed.parse.FeedInput;
import io.podinsights.feed.parse.FeedParseException;
import io.podinsights.feed.parse.FeedParser;
import io.podinsights.feed.parse.ParsedFeed;
import io.podinsights.podcast.Episode;
import io.podinsights.storage.EpisodeRepository;
import io.podinsights.storage.FeedPollOutcome;
import io.podinsights.storage.FeedRepository;
import io.podinsights.storage.FeedRow;
import io.podinsights.storage.FeedStatus;
import io.podinsights.storage.Stage;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the feeds that are due: each feed is fetched and parsed on its own virtual thread, then its outcome, new
 * episodes and next poll time are saved in one transaction. One broken feed never stops the others.
 */
public final class FeedPoller {
  private static final Logger LOG = LoggerFactory.getLogger(FeedPoller.class);

  private final GuardedHttpClient http;
  private final FeedParser parser;
  private final FeedRepository feeds;
  private final EpisodeRepository episodes;
  private final PollSettings settings;
  private final InstantSource clock;

  public FeedPoller(GuardedHttpClient http, FeedParser parser, FeedRepository feeds, EpisodeRepository episodes,
      PollSettings settings, InstantSource clock) {
    this.http = http;
    this.parser = parser;
    this.feeds = feeds;
    this.episodes = episodes;
    this.settings = settings;
    this.clock = clock;
  }

  /** Polls every due feed; {@code progress} hears (feeds done, feeds due) after each one. */
  public PollReport pollDue(BiConsumer<Integer, Integer> progress) {
    List<FeedRow> due = feeds.due(clock.instant(), settings.batchLimit());
    List<FeedReport> reports = new ArrayList<>();
    Semaphore slots = new Semaphore(settings.concurrency());
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<FeedReport>> futures = new ArrayList<>();
      for (FeedRow feed : due) {
        futures.add(pool.submit(() -> {
          slots.acquire();
          try {
            return poll(feed);
          } finally {
            slots.release();
          }
        }));
      }
      int done = 0;
      for (Future<FeedReport> f : futures) {
        try {
          reports.add(f.get());
        } catch (Exception e) {
          LOG.error("step=poll error=\"{}\"", e.getMessage(), e);
        }
        progress.accept(++done, due.size());
      }
    }
    return new PollReport(reports);
  }

  /** Polls one feed now and records the outcome. */
  public FeedReport poll(FeedRow feed) {
    Instant now = clock.instant();
    URI url;
    try {
      url = URI.create(feed.url().strip());
    } catch (IllegalArgumentException e) {
      return failed(feed, "feed: '" + feed.url() + "' is not a valid URL (" + e.getMessage() + ")", null, now);
    }
    FetchResult result = http.fetch(new FetchRequest(url, feed.etag(), feed.lastModified(),
        settings.maxFeedBytes(), FetchRequest.FEED_ACCEPT));
    return switch (result) {
      case FetchResult.Fetched fetched -> parsed(feed, fetched, now);
      case FetchResult.NotModified n -> {
        Instant next = next(now, PollOutcome.of(result, Optional.empty(), feed.consecutiveFailures()));
        feeds.record(feed.id(), new FeedPollOutcome.NotModified(now, next));
        yield new FeedReport(feed.url(), FeedReport.Kind.NOT_MODIFIED, 0, Optional.empty());
      }
      case FetchResult.Failed failed -> failed(feed, failed.error().message(), failed.error(), now);
    };
  }

  private FeedReport parsed(FeedRow feed, FetchResult.Fetched fetched, Instant now) {
    ParsedFeed parsed;
    try {
      parsed = parser.parse(new FeedInput(fetched.body(), fetched.finalUrl(), fetched.contentType()));
    } catch (FeedParseException e) {
      return failed(feed, "feed: " + feed.url() + ": " + e.getMessage(), null, now);
    }
    Instant next = next(now, new PollOutcome.Succeeded(parsed.updateInterval(), fetched.freshness(), Optional.empty()));
    Optional<String> recovered = parsed.recovered()
        ? Optional.of(String.join("; ", parsed.recoveries()))
        : Optional.empty();
    FeedPollOutcome.Fetched outcome = new FeedPollOutcome.Fetched(parsed.show(), fetched.etag(),
        fetched.lastModified(), recovered, now, next);
    List<Long> queued = episodes.addNew(feed.id(), parsed.episodes(), outcome, Stage.TRANSCRIPT,
        toQueue(feed, parsed.episodes()));
    parsed.warnings().forEach(w -> LOG.info("step=parse feed={} warning=\"{}\"", feed.url(), w));
    if (fetched.redirects() == RedirectChain.PERMANENT && !fetched.finalUrl().toString().equals(feed.url())) {
      feeds.changeUrl(feed.id(), fetched.finalUrl().toString());
      LOG.info("step=poll feed={} moved_to={} reason=permanent-redirect", feed.url(), fetched.finalUrl());
    }
    parsed.newFeedUrl().filter(u -> !u.equals(feed.url())).ifPresent(u -> follow(feed, u));
    return new FeedReport(feed.url(), FeedReport.Kind.FETCHED, queued.size(), recovered);
  }

  /** itunes:new-feed-url: moves the subscription only when the new address answers with a feed. */
  private void follow(FeedRow feed, String newUrl) {
    URI target;
    try {
      target = URI.create(newUrl);
    } catch (IllegalArgumentException e) {
      LOG.info("step=poll feed={} ignored_new_feed_url=\"{}\" reason=bad-url", feed.url(), newUrl);
      return;
    }
    if (http.fetch(new FetchRequest(target, Optional.empty(), Optional.empty(), settings.maxFeedBytes(),
        FetchRequest.FEED_ACCEPT)) instanceof FetchResult.Fetched f) {
      try {
        parser.parse(new FeedInput(f.body(), f.finalUrl(), f.contentType()));
        feeds.changeUrl(feed.id(), newUrl);
        LOG.info("step=poll feed={} moved_to={} reason=new-feed-url", feed.url(), newUrl);
      } catch (FeedParseException e) {
        LOG.info("step=poll feed={} ignored_new_feed_url={} reason=\"{}\"", feed.url(), newUrl, e.getMessage());
      }
    }
  }

  private FeedReport failed(FeedRow feed, String message, FetchError error, Instant now) {
    int failures = feed.consecutiveFailures() + 1;
    boolean gone = error != null && error.kind() == FetchError.Kind.GONE;
    PollOutcome outcome = gone
        ? new PollOutcome.Gone()
        : new PollOutcome.Failed(failures, error == null ? Optional.empty() : error.retryAfter());
    Instant next = next(now, outcome);
    String text = gone
        ? message + "; the feed is gone, so podinsights stopped polling it (history is kept)"
        : message + "; will retry in " + human(Duration.between(now, next)) + " (failure " + failures + ")";
    feeds.record(feed.id(), new FeedPollOutcome.Failed(text, failures, gone ? FeedStatus.GONE : FeedStatus.ACTIVE,
        now, next));
    LOG.info("step=poll feed={} status=failed error=\"{}\"", feed.url(), text);
    return new FeedReport(feed.url(), gone ? FeedReport.Kind.GONE : FeedReport.Kind.FAILED, 0, Optional.of(text));
  }

  private Instant next(Instant now, PollOutcome outcome) {
    return settings.policy().nextPoll(now, outcome).orElse(now);
  }

  /** All new episodes of a feed polled before; only the newest few of a feed polled for the first time. */
  private Set<String> toQueue(FeedRow feed, List<Episode> all) {
    if (feed.lastPolledAt().isPresent()) return all.stream().map(Episode::guid).collect(Collectors.toSet());
    return all.stream()
        .sorted(Comparator.comparing((Episode e) -> e.published().orElse(Instant.EPOCH)).reversed())
        .limit(settings.backfill())
        .map(Episode::guid)
        .collect(Collectors.toSet());
  }

  static String human(Duration d) {
    if (d.toDays() >= 1) return d.toDays() + " d";
    if (d.toHours() >= 1) return d.toHours() + " h";
    if (d.toMinutes() >= 1) return d.toMinutes() + " min";
    return Math.max(0, d.toSeconds()) + " s";
  }

  /** Polling settings from the config: policy, body cap, parallelism, and how many old episodes a new feed queues. */
  public record PollSettings(PollPolicy policy, long maxFeedBytes, int concurrency, int batchLimit, int backfill) {}
}
