package io.podinsights.feed.fetch;

import java.time.Duration;
import java.util.Optional;

/** Why a fetch or download failed: a kind to act on, a readable message, the HTTP status and Retry-After if any. */
public record FetchError(Kind kind, String message, Optional<Integer> status, Optional<Duration> retryAfter) {
  /** The failure families callers treat differently. */
  public enum Kind {
    /** The guard refused the URL, a redirect hop or the address dialled (scheme, SSRF, HTTPS downgrade). */
    REFUSED,
    /** 410 Gone: stop polling. */
    GONE,
    /** 429, or 503 with Retry-After: poll no earlier than {@code retryAfter}. */
    RATE_LIMITED,
    /** 403 from an anti-bot interstitial (cf-mitigated: challenge): not a broken feed. */
    BOT_CHALLENGE,
    /** Any other non-success status. */
    HTTP_STATUS,
    /** More redirects than allowed (including loops). */
    TOO_MANY_REDIRECTS,
    /** The body (decoded, or declared) is over the cap. */
    TOO_LARGE,
    /** A deadline or the read timeout fired. */
    TIMEOUT,
    /** DNS, connect, reset, premature end of body. */
    NETWORK,
    /** TLS handshake or certificate failure (never trusted silently). */
    TLS,
    /** A response we will not decode: unsupported or too many Content-Encodings, corrupt gzip, bad range. */
    BAD_RESPONSE,
    /** Writing the downloaded file failed locally (disk full, permissions): reported, never retried. */
    LOCAL_IO
  }

  public FetchError {
    if (kind == null) throw new IllegalArgumentException("fetch: error needs a kind");
    if (message == null || message.isBlank()) throw new IllegalArgumentException("fetch: error needs a message");
    if (status == null || retryAfter == null) throw new IllegalArgumentException("fetch: error fields must be Optional");
  }

  static FetchError of(Kind kind, String message) {
    return new FetchError(kind, message, Optional.empty(), Optional.empty());
  }
}
