package io.podinsights.feed.fetch;

/** What kind of network an IP address belongs to, as far as the SSRF guard cares. */
public enum AddressClass {
  PUBLIC("public"),
  LOOPBACK("loopback"),
  PRIVATE("private"),
  LINK_LOCAL("link-local"),
  SHARED_CGNAT("carrier-grade NAT"),
  UNIQUE_LOCAL("unique-local IPv6"),
  EMBEDDED_IPV4("an IPv6 form embedding a non-public IPv4 address"),
  RESERVED("reserved or documentation-only"),
  UNSPECIFIED("unspecified"),
  MULTICAST("multicast"),
  BROADCAST("broadcast");

  private final String label;

  AddressClass(String label) {
    this.label = label;
  }

  /** A short human label for error messages. */
  public String label() {
    return label;
  }

  /** True for networks a self-hoster may open with {@code fetch.allow-private-networks}. */
  boolean openedByPrivateSwitch() {
    return switch (this) {
      case LOOPBACK, PRIVATE, LINK_LOCAL, SHARED_CGNAT, UNIQUE_LOCAL, EMBEDDED_IPV4 -> true;
      case PUBLIC, RESERVED, UNSPECIFIED, MULTICAST, BROADCAST -> false;
    };
  }
}
