package io.podinsights.feed.fetch;

import java.net.InetAddress;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Which destinations the guard lets a socket dial: public addresses always; non-public ones only when private networks
 * are opened ({@code fetch.allow-private-networks}) or when the exact address and port are allow-listed.
 */
public record AddressPolicy(PrivateNetworks privateNetworks, Set<AllowedEndpoint> allowed) {
  /** Whether non-public networks (loopback, RFC 1918, link-local, CGNAT, ULA) may be dialled. */
  public enum PrivateNetworks { DENY, ALLOW }

  public AddressPolicy {
    if (privateNetworks == null) throw new IllegalArgumentException("fetch: address policy needs a private-network rule");
    allowed = Set.copyOf(allowed);
  }

  /** The default: public addresses only. */
  public static AddressPolicy denyNonPublic() {
    return new AddressPolicy(PrivateNetworks.DENY, Set.of());
  }

  /** The self-hoster switch: also loopback and private networks (never unspecified, multicast or broadcast). */
  public static AddressPolicy allowPrivateNetworks() {
    return new AddressPolicy(PrivateNetworks.ALLOW, Set.of());
  }

  /** This policy plus one exact endpoint, e.g. the offline demo's embedded loopback server. */
  public AddressPolicy allowing(AllowedEndpoint endpoint) {
    Set<AllowedEndpoint> more = new HashSet<>(allowed);
    more.add(endpoint);
    return new AddressPolicy(privateNetworks, more);
  }

  /** Why dialling {@code address:port} is refused, or empty when it is allowed. */
  public Optional<String> refusal(InetAddress address, int port) {
    for (AllowedEndpoint e : allowed) {
      if (e.port() == port && e.address().equals(address)) return Optional.empty();
    }
    AddressClass kind = AddressClassifier.classify(address);
    if (kind == AddressClass.PUBLIC) return Optional.empty();
    String ip = address.getHostAddress();
    if (!kind.openedByPrivateSwitch()) {
      return Optional.of("address " + ip + " is not public (" + kind.label() + ", never allowed)");
    }
    if (privateNetworks == PrivateNetworks.ALLOW) return Optional.empty();
    return Optional.of("address " + ip + " is not public (" + kind.label()
        + "; set fetch.allow-private-networks to allow)");
  }
}
