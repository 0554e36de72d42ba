package io.podinsights.feed.fetch;

import java.net.URI;
import java.util.Optional;

/** One conditional GET: the URL, the validators stored from the last fetch, the decoded-size cap and the Accept header. */
public record FetchRequest(URI url, Optional<String> etag, Optional<String> lastModified, long maxBytes, String accept) {
  /** Accept header for feeds: feed types first, generic XML after, anything last (avoids HTML answers). */
  public static final String FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/feed+json;q=0.9, "
      + "application/xml;q=0.8, text/xml;q=0.8, */*;q=0.1";

  public FetchRequest {
    if (url == null) throw new IllegalArgumentException("fetch: request needs a URL");
    if (etag == null || lastModified == null) throw new IllegalArgumentException("fetch: validators must be Optional, not null");
    if (maxBytes < 1) throw new IllegalArgumentException("fetch: max bytes must be positive, got " + maxBytes);
    if (accept == null || accept.isBlank()) throw new IllegalArgumentException("fetch: request needs an Accept header");
  }

  /** An unconditional feed fetch with the default 20 MB cap. */
  public static FetchRequest feed(URI url) {
    return new FetchRequest(url, Optional.empty(), Optional.empty(), FetchPolicy.DEFAULT_MAX_FEED_BYTES, FEED_ACCEPT);
  }

  /** An unconditional fetch of another document (transcript, OPML, chapters) with the default 20 MB cap. */
  public static FetchRequest document(URI url, String accept) {
    return new FetchRequest(url, Optional.empty(), Optional.empty(), FetchPolicy.DEFAULT_MAX_FEED_BYTES, accept);
  }

  /** The same request, conditional on the validators stored from the previous fetch. */
  public FetchRequest withValidators(Optional<String> storedEtag, Optional<String> storedLastModified) {
    return new FetchRequest(url, storedEtag, storedLastModified, maxBytes, accept);
  }

  public FetchRequest withMaxBytes(long cap) {
    return new FetchRequest(url, etag, lastModified, cap, accept);
  }

  public FetchRequest withAccept(String acceptHeader) {
    return new FetchRequest(url, etag, lastModified, maxBytes, acceptHeader);
  }
}
