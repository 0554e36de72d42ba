package io.podinsights.feed.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** Classifies an IP address (IPv4, IPv6, and IPv6 forms that embed IPv4) as public or as one kind of non-public. */
public final class AddressClassifier {
  private AddressClassifier() {}

  /** The class of {@code address}; anything that is not clearly a routable unicast address is non-public. */
  public static AddressClass classify(InetAddress address) {
    return switch (address) {
      case Inet4Address v4 -> classifyV4(v4.getAddress());
      case Inet6Address v6 -> classifyV6(v6.getAddress());
      default -> AddressClass.RESERVED;
    };
  }

  static AddressClass classifyV4(byte[] b) {
    int a0 = b[0] & 0xff, a1 = b[1] & 0xff, a2 = b[2] & 0xff, a3 = b[3] & 0xff;
    if (a0 == 255 && a1 == 255 && a2 == 255 && a3 == 255) return AddressClass.BROADCAST;
    if (a0 == 0) return AddressClass.UNSPECIFIED; // 0.0.0.0/8 ("this network"; 0.0.0.0 dials localhost on Linux)
    if (a0 == 127) return AddressClass.LOOPBACK;
    if (a0 == 10) return AddressClass.PRIVATE;
    if (a0 == 172 && a1 >= 16 && a1 <= 31) return AddressClass.PRIVATE;
    if (a0 == 192 && a1 == 168) return AddressClass.PRIVATE;
    if (a0 == 169 && a1 == 254) return AddressClass.LINK_LOCAL;
    if (a0 == 100 && a1 >= 64 && a1 <= 127) return AddressClass.SHARED_CGNAT;
    if (a0 >= 224 && a0 <= 239) return AddressClass.MULTICAST;
    if (a0 >= 240) return AddressClass.RESERVED; // 240/4
    if (a0 == 192 && a1 == 0 && (a2 == 0 || a2 == 2)) return AddressClass.RESERVED; // 192.0.0/24, 192.0.2/24
    if (a0 == 198 && (a1 == 18 || a1 == 19)) return AddressClass.RESERVED; // benchmarking 198.18/15
    if (a0 == 198 && a1 == 51 && a2 == 100) return AddressClass.RESERVED;
    if (a0 == 203 && a1 == 0 && a2 == 113) return AddressClass.RESERVED;
    return AddressClass.PUBLIC;
  }

  static AddressClass classifyV6(byte[] b) {
    if (allZero(b, 0, 16)) return AddressClass.UNSPECIFIED;
    if (allZero(b, 0, 15) && b[15] == 1) return AddressClass.LOOPBACK;
    int first = b[0] & 0xff, second = b[1] & 0xff;
    if (first == 0xff) return AddressClass.MULTICAST;
    if (first == 0xfe && (second & 0xc0) == 0x80) return AddressClass.LINK_LOCAL; // fe80::/10
    if (first == 0xfe && (second & 0xc0) == 0xc0) return AddressClass.RESERVED; // fec0::/10 site-local
    if ((first & 0xfe) == 0xfc) return AddressClass.UNIQUE_LOCAL; // fc00::/7
    // ::ffff:a.b.c.d (mapped) and ::a.b.c.d (compatible): the IPv4 part decides, but the form itself is never public.
    if (allZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) return embedded(b, 12);
    if (allZero(b, 0, 12)) return embedded(b, 12);
    // 64:ff9b::/96 NAT64: routes to the embedded IPv4, so it is as public as that address.
    if (first == 0x00 && second == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && allZero(b, 4, 12)) {
      AddressClass inner = classifyV4(slice(b, 12));
      return inner == AddressClass.PUBLIC ? AddressClass.PUBLIC : AddressClass.EMBEDDED_IPV4;
    }
    if (first == 0x00 && second == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && b[4] == 0 && b[5] == 1) {
      return AddressClass.EMBEDDED_IPV4; // 64:ff9b:1::/48 local-use NAT64
    }
    // 2002::/16 6to4: the next 32 bits are an IPv4 address.
    if (first == 0x20 && second == 0x02) {
      AddressClass inner = classifyV4(slice(b, 2));
      return inner == AddressClass.PUBLIC ? AddressClass.PUBLIC : AddressClass.EMBEDDED_IPV4;
    }
    // 2001:0000::/32 Teredo tunnels reach an obfuscated IPv4 client address: never public for us.
    if (first == 0x20 && second == 0x01 && b[2] == 0 && b[3] == 0) return AddressClass.EMBEDDED_IPV4;
    if (first == 0x20 && second == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
      return AddressClass.RESERVED; // 2001:db8::/32 documentation
    }
    if (first == 0x01 && second == 0x00 && allZero(b, 2, 8)) return AddressClass.RESERVED; // 100::/64 discard
    return AddressClass.PUBLIC;
  }

  private static AddressClass embedded(byte[] b, int from) {
    AddressClass inner = classifyV4(slice(b, from));
    return inner == AddressClass.PUBLIC ? AddressClass.EMBEDDED_IPV4 : inner;
  }

  private static byte[] slice(byte[] b, int from) {
    return new byte[] {b[from], b[from + 1], b[from + 2], b[from + 3]};
  }

  private static boolean allZero(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) if (b[i] != 0) return false;
    return true;
  }

  /** Parses an unambiguous IP literal (dotted quad or IPv6, brackets allowed) without any DNS lookup. */
  static java.util.Optional<InetAddress> parseLiteral(String host) {
    String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    try {
      if (h.contains(":")) return java.util.Optional.of(InetAddress.getByName(h)); // IPv6 literal: no lookup
      if (TargetCheck.isCanonicalDottedQuad(h)) return java.util.Optional.of(InetAddress.getByName(h));
    } catch (UnknownHostException e) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.empty();
  }
}
