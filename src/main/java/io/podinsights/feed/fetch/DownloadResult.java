package io.podinsights.feed.fetch;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/** The outcome of a download: the complete file, or a failure after which no partial file is left behind. */
public sealed interface DownloadResult permits DownloadResult.Downloaded, DownloadResult.DownloadFailed {
  URI requested();

  /** The whole file is at {@code file}; {@code attempts} counts resumes and restarts. */
  record Downloaded(URI requested, URI finalUrl, Path file, long bytes, Optional<String> contentType, int attempts)
      implements DownloadResult {
    public Downloaded {
      if (requested == null || finalUrl == null || file == null || contentType == null) {
        throw new IllegalArgumentException("fetch: downloaded result is missing a field");
      }
    }
  }

  /** Gave up; the partial file was deleted. */
  record DownloadFailed(URI requested, FetchError error, int attempts) implements DownloadResult {
    public DownloadFailed {
      if (requested == null || error == null) throw new IllegalArgumentException("fetch: failed download is missing a field");
    }
  }
}
