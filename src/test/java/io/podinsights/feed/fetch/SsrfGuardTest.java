package io.podinsights.feed.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SSRF guard end to end (reliability.md S1-S5, scenarios 1-7, T4 positive controls, T9 payloads). */
class SsrfGuardTest {
  private static final String FEED = "<rss version=\"2.0\"><channel><title>Guarded</title></channel></rss>";

  private final RawServer server = new RawServer((req, out, n) -> RawServer.write(out,
      "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: " + FEED.length()
          + "\r\nConnection: close\r\n\r\n" + FEED));
  private final List<AutoCloseable> toClose = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable c : toClose) c.close();
    server.close();
  }

  private GuardedHttpClient client(AddressPolicy addresses) {
    GuardedHttpClient c = new GuardedHttpClient(FetchPolicy.defaults().withAddresses(addresses));
    toClose.add(c);
    return c;
  }

  private static FetchError refused(FetchResult r) {
    assertThat(r).isInstanceOf(FetchResult.Failed.class);
    FetchError e = ((FetchResult.Failed) r).error();
    assertThat(e.kind()).as(e.message()).isEqualTo(FetchError.Kind.REFUSED);
    return e;
  }

  @ParameterizedTest
  @ValueSource(strings = {"file:///etc/passwd", "ftp://example.com/feed.xml", "jar:file:/tmp/x.jar!/feed.xml",
      "data:text/xml,%3Crss%2F%3E", "gopher://example.com:70/1", "mailto:someone@example.com", "/relative/feed.xml"})
  void refuses_every_scheme_but_http_and_https(String url) {
    FetchError e = refused(client(AddressPolicy.allowPrivateNetworks()).fetch(FetchRequest.feed(URI.create(url))));
    assertThat(e.message()).startsWith("fetch: ");
  }

  @Test
  void refuses_loopback_by_default_without_opening_a_connection() {
    FetchError e = refused(client(AddressPolicy.denyNonPublic()).fetch(FetchRequest.feed(server.url("/feed"))));
    assertThat(e.message()).contains("address 127.0.0.1 is not public").contains("fetch.allow-private-networks");
    assertThat(server.connections.get()).isZero();
  }

  @Test
  void positive_control_allows_exactly_the_allow_listed_endpoint() {
    FetchResult ok = client(AddressPolicy.denyNonPublic().allowing(AllowedEndpoint.loopback(server.port())))
        .fetch(FetchRequest.feed(server.url("/feed")));
    assertThat(ok).isInstanceOf(FetchResult.Fetched.class);
    assertThat(server.connections.get()).isEqualTo(1);

    // the same host on another port is not on the list
    refused(client(AddressPolicy.denyNonPublic().allowing(AllowedEndpoint.loopback(server.port() == 1 ? 2 : 1)))
        .fetch(FetchRequest.feed(server.url("/feed"))));
    assertThat(server.connections.get()).isEqualTo(1);
  }

  @Test
  void positive_control_allows_loopback_when_private_networks_are_allowed() {
    assertThat(client(AddressPolicy.allowPrivateNetworks()).fetch(FetchRequest.feed(server.url("/feed"))))
        .isInstanceOf(FetchResult.Fetched.class);
  }

  @Test
  void checks_the_address_a_host_name_resolves_to_at_connect_time() {
    // "localhost" passes every string check; only the dialled address (127.0.0.1 or ::1) can be refused.
    URI byName = URI.create("http://localhost:" + server.port() + "/feed");
    FetchError e = refused(client(AddressPolicy.denyNonPublic()).fetch(FetchRequest.feed(byName)));
    assertThat(e.message()).containsAnyOf("address 127.0.0.1 is not public", "address 0:0:0:0:0:0:0:1 is not public");
    assertThat(server.connections.get()).isZero();
  }

  @Test
  void refuses_the_cloud_metadata_address_before_any_packet_with_a_readable_message() {
    long start = System.nanoTime();
    FetchError e = refused(client(AddressPolicy.denyNonPublic())
        .fetch(FetchRequest.feed(URI.create("http://169.254.169.254/latest/meta-data/"))));
    assertThat(e.message()).isEqualTo("fetch: http://169.254.169.254/latest/meta-data/ refused: address 169.254.169.254"
        + " is not public (link-local; set fetch.allow-private-networks to allow)");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
  }

  @Test
  void blocks_a_redirect_hop_from_an_allowed_server_to_another_loopback_port() {
    try (RawServer internal = new RawServer((req, out, n) -> RawServer.write(out,
            "HTTP/1.1 200 OK\r\nContent-Length: 6\r\nConnection: close\r\n\r\nsecret"));
        RawServer redirector = new RawServer((req, out, n) -> RawServer.write(out,
            "HTTP/1.1 302 Found\r\nLocation: http://127.0.0.1:" + internal.port() + "/admin\r\n"
                + "Content-Length: 0\r\nConnection: close\r\n\r\n"))) {
      AddressPolicy onlyRedirector = AddressPolicy.denyNonPublic().allowing(AllowedEndpoint.loopback(redirector.port()));
      FetchError e = refused(client(onlyRedirector).fetch(FetchRequest.feed(redirector.url("/feed"))));
      assertThat(e.message()).contains("/admin refused: address 127.0.0.1 is not public");
      assertThat(redirector.connections.get()).isEqualTo(1);
      assertThat(internal.connections.get()).isZero();

      // positive control: with both endpoints allowed the same chain reaches the internal server
      FetchResult both = client(onlyRedirector.allowing(AllowedEndpoint.loopback(internal.port())))
          .fetch(FetchRequest.feed(redirector.url("/feed")));
      assertThat(both).isInstanceOf(FetchResult.Fetched.class);
      assertThat(internal.connections.get()).isEqualTo(1);
    }
  }

  @Test
  void blocks_a_redirect_hop_to_a_host_name_that_resolves_to_loopback_at_connect_time() {
    try (RawServer internal = new RawServer((req, out, n) -> RawServer.write(out,
            "HTTP/1.1 200 OK\r\nContent-Length: 6\r\nConnection: close\r\n\r\nsecret"));
        RawServer redirector = new RawServer((req, out, n) -> RawServer.write(out,
            "HTTP/1.1 302 Found\r\nLocation: http://localhost:" + internal.port() + "/admin\r\n"
                + "Content-Length: 0\r\nConnection: close\r\n\r\n"))) {
      FetchError e = refused(client(AddressPolicy.denyNonPublic().allowing(AllowedEndpoint.loopback(redirector.port())))
          .fetch(FetchRequest.feed(redirector.url("/feed"))));
      assertThat(e.message()).startsWith("fetch: http://localhost:" + internal.port() + "/admin refused: address");
      assertThat(internal.connections.get()).isZero();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"file:///etc/passwd", "gopher://127.0.0.1:6379/_INFO", "http://169.254.169.254/latest/meta-data/",
      "http://[::ffff:a9fe:a9fe]/", "http://0x7f.1/"})
  void refuses_a_redirect_to_a_forbidden_target(String target) {
    try (RawServer redirector = new RawServer((req, out, n) -> RawServer.write(out,
        "HTTP/1.1 301 Moved Permanently\r\nLocation: " + target + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"))) {
      FetchResult r = client(AddressPolicy.denyNonPublic().allowing(AllowedEndpoint.loopback(redirector.port())))
          .fetch(FetchRequest.feed(redirector.url("/feed")));
      refused(r);
      assertThat(redirector.connections.get()).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://[::1]:PORT/", "http://[::]:PORT/", "http://[::ffff:127.0.0.1]:PORT/",
      "http://[::ffff:a9fe:a9fe]/", "http://[64:ff9b::a9fe:a9fe]/", "http://[2002:a9fe:a9fe::]/",
      "http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/", "http://[fe80::1]/", "http://[fd00::1]/",
      "http://[::127.0.0.1]:PORT/", "http://0.0.0.0:PORT/", "http://10.0.0.1:6379/", "http://100.64.0.1/",
      "http://172.16.0.1/", "http://192.168.1.1/", "http://224.0.0.1/", "http://255.255.255.255/"})
  void refuses_non_public_literals_in_every_notation(String template) {
    URI url = URI.create(template.replace("PORT", Integer.toString(server.port())));
    FetchError e = refused(client(AddressPolicy.denyNonPublic()).fetch(FetchRequest.feed(url)));
    assertThat(e.message()).contains("is not public");
    assertThat(server.connections.get()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://2130706433:PORT/", "http://127.1:PORT/", "http://0:PORT/", "http://0177.0.0.1:PORT/",
      "http://0x7f.1:PORT/", "http://0x7f000001:PORT/", "http://017700000001:PORT/", "http://127.0.0.1.:PORT/"})
  void rejects_ambiguous_numeric_hosts_outright_even_when_private_networks_are_allowed(String template) {
    URI url = URI.create(template.replace("PORT", Integer.toString(server.port())));
    refused(client(AddressPolicy.allowPrivateNetworks()).fetch(FetchRequest.feed(url)));
    assertThat(server.connections.get()).isZero();
  }

  @Test
  void the_socket_hook_itself_refuses_a_non_public_address_before_connecting() throws Exception {
    var socket = new GuardedHttpClient.GuardedSocket(AddressPolicy.denyNonPublic(), Proxy.NO_PROXY);
    assertThatThrownBy(() -> socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()), 1000))
        .isInstanceOf(DestinationRefusedException.class)
        .hasMessageContaining("127.0.0.1");
    assertThat(server.connections.get()).isZero();

    try (var allowed = new GuardedHttpClient.GuardedSocket(
        AddressPolicy.denyNonPublic().allowing(AllowedEndpoint.loopback(server.port())), Proxy.NO_PROXY)) {
      allowed.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()), 1000);
      assertThat(allowed.isConnected()).isTrue();
    }
  }
}
