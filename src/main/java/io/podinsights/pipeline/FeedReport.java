package io.podinsights.pipeline;

import java.util.Optional;

/** What polling one feed did: fetched (with how many new episodes), unchanged, failed or gone, and any note. */
public record FeedReport(String url, Kind kind, int newEpisodes, Optional<String> note) {
  /** The four ways a poll ends. */
  public enum Kind { FETCHED, NOT_MODIFIED, FAILED, GONE }
}
