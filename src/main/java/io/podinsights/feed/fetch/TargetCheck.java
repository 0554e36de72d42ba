package io.podinsights.feed.fetch;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** String-level checks done before any socket: scheme, host syntax, ambiguous numeric hosts, literal addresses. */
final class TargetCheck {
  private static final Pattern NUMERIC_LABEL = Pattern.compile("(0x[0-9a-f]*|[0-9]+)");
  private static final Pattern DECIMAL_OCTET = Pattern.compile("0|[1-9][0-9]{0,2}");

  private TargetCheck() {}

  /** Why {@code url} may not be requested at all, or empty when it may go on to the connect-time check. */
  static Optional<String> refusal(URI url, AddressPolicy policy) {
    if (!url.isAbsolute() || url.isOpaque()) return Optional.of("only absolute http and https URLs are fetched");
    String scheme = url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return Optional.of("scheme " + scheme + ": is not allowed (only http and https)");
    }
    String host = url.getHost();
    if (host == null || host.isEmpty()) return Optional.of("the URL has no valid host name");
    if (url.getRawUserInfo() != null) return Optional.of("credentials inside the URL are not supported");
    if (!host.startsWith("[")) {
      String h = host.toLowerCase(Locale.ROOT);
      if (h.endsWith(".")) h = h.substring(0, h.length() - 1);
      String[] labels = h.split("\\.", -1);
      if (NUMERIC_LABEL.matcher(labels[labels.length - 1]).matches() && !isCanonicalDottedQuad(h)) {
        return Optional.of("host " + host + " is an ambiguous numeric address (write it as a.b.c.d)");
      }
      if (host.endsWith(".") && isCanonicalDottedQuad(h)) return Optional.of("host " + host + " is not a valid address");
    }
    // A literal address cannot change between now and the connect: refuse it before any packet leaves.
    return AddressClassifier.parseLiteral(host).flatMap(address -> policy.refusal(address, port(url)));
  }

  static int port(URI url) {
    if (url.getPort() != -1) return url.getPort();
    return url.getScheme().equalsIgnoreCase("https") ? 443 : 80;
  }

  /** True for exactly four decimal octets 0-255 without leading zeros: the one IPv4 form every parser agrees on. */
  static boolean isCanonicalDottedQuad(String host) {
    String[] parts = host.split("\\.", -1);
    if (parts.length != 4) return false;
    for (String p : parts) {
      if (!DECIMAL_OCTET.matcher(p).matches() || Integer.parseInt(p) > 255) return false;
    }
    return true;
  }
}
