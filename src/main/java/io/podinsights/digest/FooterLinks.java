package io.podinsights.digest;

import java.util.Objects;
import java.util.Optional;

/** Per-recipient links at the foot of a digest (signed by the web layer); only http(s) URLs become links. */
public record FooterLinks(Optional<String> unsubscribeUrl, Optional<String> preferencesUrl) {

  public static final FooterLinks NONE = new FooterLinks(Optional.empty(), Optional.empty());

  public FooterLinks {
    Objects.requireNonNull(unsubscribeUrl, "digest: unsubscribeUrl");
    Objects.requireNonNull(preferencesUrl, "digest: preferencesUrl");
  }
}
