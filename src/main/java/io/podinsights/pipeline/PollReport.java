package io.podinsights.pipeline;

import java.util.List;

/** What a poll round did, feed by feed. */
public record PollReport(List<FeedReport> feeds) {
  public PollReport {
    feeds = List.copyOf(feeds);
  }

  public long count(FeedReport.Kind kind) {
    return feeds.stream().filter(f -> f.kind() == kind).count();
  }

  public int newEpisodes() {
    return feeds.stream().mapToInt(FeedReport::newEpisodes).sum();
  }
}
