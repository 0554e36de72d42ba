package io.podinsights.storage;

import io.podinsights.podcast.Episode;

/** An episode as stored: its id, the feed it belongs to, and the show's title at the time it was read. */
public record StoredEpisode(long id, long feedId, String feedUrl, String showTitle, Episode episode) {}
