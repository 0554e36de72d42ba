package io.podinsights.feed.fetch;

import java.net.URI;
import java.nio.file.Path;

/** One media download streamed to {@code target} (never to the heap), stopped at {@code maxBytes}. */
public record DownloadRequest(URI url, Path target, long maxBytes) {
  public DownloadRequest {
    if (url == null || target == null) throw new IllegalArgumentException("fetch: download needs a URL and a target file");
    if (maxBytes < 1) throw new IllegalArgumentException("fetch: download cap must be positive, got " + maxBytes);
  }

  /** A download with the default 1 GB cap. */
  public static DownloadRequest of(URI url, Path target) {
    return new DownloadRequest(url, target, FetchPolicy.DEFAULT_MAX_DOWNLOAD_BYTES);
  }
}
