package io.podinsights.feed.parse;

import io.podinsights.podcast.Episode;
import io.podinsights.podcast.Show;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a feed says: the show, its episodes (deduplicated, document order), the podcast-namespace facts that have no
 * place in the shared records, where the feed moved to, how often it updates, and what was repaired on the way.
 * {@code episodeExtras} is keyed by {@link Episode#guid()}.
 */
public record ParsedFeed(
    Show show,
    List<Episode> episodes,
    ShowExtras showExtras,
    Map<String, EpisodeExtras> episodeExtras,
    Optional<String> newFeedUrl,
    Optional<Duration> updateInterval,
    List<String> recoveries,
    List<String> warnings) {

  public ParsedFeed {
    Objects.requireNonNull(show, "parsed feed: show");
    episodes = List.copyOf(episodes);
    Objects.requireNonNull(showExtras, "parsed feed: showExtras");
    episodeExtras = Map.copyOf(episodeExtras);
    Objects.requireNonNull(newFeedUrl, "parsed feed: newFeedUrl");
    Objects.requireNonNull(updateInterval, "parsed feed: updateInterval");
    recoveries = List.copyOf(recoveries);
    warnings = List.copyOf(warnings);
  }

  /** True when the body was not valid XML as sent and had to be repaired (the "bozo" flag); see {@link #recoveries}. */
  public boolean recovered() {
    return !recoveries.isEmpty();
  }

  /** Extras for one episode, or {@link EpisodeExtras#NONE}. */
  public EpisodeExtras extrasOf(Episode episode) {
    return episodeExtras.getOrDefault(episode.guid(), EpisodeExtras.NONE);
  }
}
