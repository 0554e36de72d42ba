package io.podinsights.feed.fetch;

/** What the redirects of one fetch mean for the stored URL: rewrite it only for PERMANENT, and only after it parsed. */
public enum RedirectChain {
  /** No redirect: the final URL is the requested one. */
  NONE,
  /** Every hop was 301 or 308. */
  PERMANENT,
  /** At least one hop was 302, 303 or 307: keep the stored URL. */
  TEMPORARY
}
