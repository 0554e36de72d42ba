package io.podinsights.feed.fetch;

import java.time.Duration;

/**
 * Settings of the guarded client (config keys {@code fetch.*}); {@link #defaults()} gives the documented defaults.
 *
 * @param addresses which destinations may be dialled (default: public only)
 * @param connectTimeout TCP connect timeout per address (default 10 s)
 * @param readTimeout longest silence between two reads (default 10 s)
 * @param totalTimeout deadline of one fetch, all hops and the whole body included (default 30 s)
 * @param downloadTimeout deadline of one download attempt (default 30 min)
 * @param maxRedirects hops followed before giving up (default 10)
 * @param maxContentEncodings stacked Content-Encoding layers accepted (default 2)
 * @param perHostLimit concurrent requests per host name (default 2)
 * @param downloadTries attempts per download, resumes included (default 5)
 * @param userAgent the identifying User-Agent header
 */
public record FetchPolicy(
    AddressPolicy addresses,
    Duration connectTimeout,
    Duration readTimeout,
    Duration totalTimeout,
    Duration downloadTimeout,
    int maxRedirects,
    int maxContentEncodings,
    int perHostLimit,
    int downloadTries,
    String userAgent) {

  public static final String USER_AGENT = "podinsights/0.1 (+https://github.com/podinsights/podinsights)";
  /** Default decoded-size cap of a feed, transcript or OPML body: 20 MB. */
  public static final long DEFAULT_MAX_FEED_BYTES = 20L * 1024 * 1024;
  /** Default size cap of one audio download: 1 GB. */
  public static final long DEFAULT_MAX_DOWNLOAD_BYTES = 1024L * 1024 * 1024;

  public FetchPolicy {
    if (addresses == null) throw new IllegalArgumentException("fetch: policy needs an address policy");
    positive(connectTimeout, "connect-timeout");
    positive(readTimeout, "read-timeout");
    positive(totalTimeout, "total-timeout");
    positive(downloadTimeout, "download-timeout");
    if (maxRedirects < 0 || maxRedirects > 20) throw new IllegalArgumentException("fetch: max-redirects must be 0..20, got " + maxRedirects);
    if (maxContentEncodings < 1 || maxContentEncodings > 3) {
      throw new IllegalArgumentException("fetch: max-content-encodings must be 1..3, got " + maxContentEncodings);
    }
    if (perHostLimit < 1) throw new IllegalArgumentException("fetch: per-host-limit must be at least 1, got " + perHostLimit);
    if (downloadTries < 1) throw new IllegalArgumentException("fetch: download-tries must be at least 1, got " + downloadTries);
    if (userAgent == null || userAgent.isBlank()) throw new IllegalArgumentException("fetch: user-agent must not be empty");
  }

  private static void positive(Duration d, String name) {
    if (d == null || d.isNegative() || d.isZero()) throw new IllegalArgumentException("fetch: " + name + " must be positive");
  }

  public static FetchPolicy defaults() {
    return new FetchPolicy(AddressPolicy.denyNonPublic(), Duration.ofSeconds(10), Duration.ofSeconds(10),
        Duration.ofSeconds(30), Duration.ofMinutes(30), 10, 2, 2, 5, USER_AGENT);
  }

  public FetchPolicy withAddresses(AddressPolicy a) {
    return new FetchPolicy(a, connectTimeout, readTimeout, totalTimeout, downloadTimeout, maxRedirects,
        maxContentEncodings, perHostLimit, downloadTries, userAgent);
  }

  public FetchPolicy withTimeouts(Duration connect, Duration read, Duration total) {
    return new FetchPolicy(addresses, connect, read, total, downloadTimeout, maxRedirects, maxContentEncodings,
        perHostLimit, downloadTries, userAgent);
  }

  public FetchPolicy withPerHostLimit(int limit) {
    return new FetchPolicy(addresses, connectTimeout, readTimeout, totalTimeout, downloadTimeout, maxRedirects,
        maxContentEncodings, limit, downloadTries, userAgent);
  }
}
