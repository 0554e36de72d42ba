package io.podinsights.feed.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** One exact address and port the guard lets through even when it is not public ("127.0.0.1:8085"). */
public record AllowedEndpoint(InetAddress address, int port) {
  public AllowedEndpoint {
    if (address == null) throw new IllegalArgumentException("fetch: allowed endpoint needs an address");
    if (port < 1 || port > 65535) throw new IllegalArgumentException("fetch: allowed endpoint port " + port + " is out of range");
  }

  /** Parses {@code ip:port} or {@code [ipv6]:port}; the host must be an IP literal, never a name to resolve. */
  public static AllowedEndpoint parse(String hostPort) {
    int colon = hostPort.lastIndexOf(':');
    if (colon <= 0) throw new IllegalArgumentException("fetch: allowed endpoint " + hostPort + " must be ip:port");
    String host = hostPort.substring(0, colon);
    int port;
    try {
      port = Integer.parseInt(hostPort.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("fetch: allowed endpoint " + hostPort + " has no numeric port", e);
    }
    return new AllowedEndpoint(AddressClassifier.parseLiteral(host).orElseThrow(() -> new IllegalArgumentException(
        "fetch: allowed endpoint " + hostPort + " must use an IP literal such as 127.0.0.1")), port);
  }

  /** The endpoint for a loopback server started in process (IPv4 127.0.0.1). */
  public static AllowedEndpoint loopback(int port) {
    try {
      return new AllowedEndpoint(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
