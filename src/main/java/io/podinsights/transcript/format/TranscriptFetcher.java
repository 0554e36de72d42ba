package io.podinsights.transcript.format;

import io.podinsights.podcast.TranscriptLink;
import java.io.IOException;

/** Downloads one transcript link for {@link PublishedTranscripts}; the caller's guarded HTTP client lives behind it. */
@FunctionalInterface
public interface TranscriptFetcher {

  /** The body, or why there is none (404, refused, too large); an {@code IOException} counts as unreachable. */
  FetchedBody fetch(TranscriptLink link) throws IOException;
}
