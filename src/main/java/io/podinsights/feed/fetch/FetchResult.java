package io.podinsights.feed.fetch;

import java.net.URI;
import java.util.Optional;

/** The outcome of one guarded fetch: a body, "not modified", or a failure that is data. */
public sealed interface FetchResult permits FetchResult.Fetched, FetchResult.NotModified, FetchResult.Failed {
  URI requested();

  /** A 2xx body, decoded and within the cap; {@code finalUrl} is where it came from after redirects. */
  record Fetched(
      URI requested,
      URI finalUrl,
      RedirectChain redirects,
      byte[] body,
      Optional<String> contentType,
      Optional<String> etag,
      Optional<String> lastModified,
      Freshness freshness) implements FetchResult {
    public Fetched {
      if (requested == null || finalUrl == null || redirects == null || body == null || freshness == null) {
        throw new IllegalArgumentException("fetch: fetched result is missing a field");
      }
    }

    /** The new URL to store, only when every hop was 301/308; the caller must still check that the body parsed. */
    public Optional<URI> permanentLocation() {
      return redirects == RedirectChain.PERMANENT ? Optional.of(finalUrl) : Optional.empty();
    }
  }

  /** 304, or a 200 whose ETag equals the stored one: nothing changes but the next-check time. */
  record NotModified(
      URI requested,
      URI finalUrl,
      RedirectChain redirects,
      Optional<String> etag,
      Optional<String> lastModified,
      Freshness freshness) implements FetchResult {
    public NotModified {
      if (requested == null || finalUrl == null || redirects == null || freshness == null) {
        throw new IllegalArgumentException("fetch: not-modified result is missing a field");
      }
    }
  }

  /** The fetch failed; {@code error} says why and what to do. */
  record Failed(URI requested, FetchError error) implements FetchResult {
    public Failed {
      if (requested == null || error == null) throw new IllegalArgumentException("fetch: failed result is missing a field");
    }
  }
}
