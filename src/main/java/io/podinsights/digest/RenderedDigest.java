package io.podinsights.digest;

import java.util.Objects;

/** A digest rendered three ways: the subject line, the plain text (terminal and text part) and the HTML email. */
public record RenderedDigest(Digest digest, String subject, String text, String html) {
  public RenderedDigest {
    Objects.requireNonNull(digest, "digest: digest");
    Objects.requireNonNull(subject, "digest: subject");
    Objects.requireNonNull(text, "digest: text");
    Objects.requireNonNull(html, "digest: html");
  }
}
