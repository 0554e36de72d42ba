package io.podinsights.feed.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.InstantSource;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS: self-signed certificates are an error by default (S6), and https never redirects down to http (S5). */
class TlsTest {
  private static final String FEED = "<rss version=\"2.0\"><channel><title>Secure</title></channel></rss>";
  private static final char[] PASS = "changeit".toCharArray();

  @TempDir static Path dir;
  static HttpsServer https;
  static SSLContext trustingOurCert;
  static final TestHttpServer plain = new TestHttpServer();

  @BeforeAll
  static void start() throws Exception {
    Path store = dir.resolve("loopback.p12");
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "loopback", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
        "-ext", "san=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
        "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
    keytool.getInputStream().readAllBytes();
    assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      ks.load(in, PASS);
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, PASS);
    SSLContext serverCtx = SSLContext.getInstance("TLS");
    serverCtx.init(kmf.getKeyManagers(), null, null);
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(ks);
    trustingOurCert = SSLContext.getInstance("TLS");
    trustingOurCert.init(null, tmf.getTrustManagers(), null);

    plain.route("/feed", ex -> TestHttpServer.send(ex, 200, FEED));
    https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    https.setHttpsConfigurator(new HttpsConfigurator(serverCtx));
    https.createContext("/feed", ex -> {
      try (ex) {
        TestHttpServer.send(ex, 200, FEED);
      }
    });
    https.createContext("/down", ex -> {
      try (ex) {
        ex.getResponseHeaders().add("Location", plain.url("/feed").toString());
        ex.sendResponseHeaders(301, -1);
      }
    });
    https.start();
  }

  @AfterAll
  static void stop() {
    https.stop(0);
    plain.close();
  }

  private static AddressPolicy bothServers() {
    return AddressPolicy.denyNonPublic().allowing(AllowedEndpoint.loopback(https.getAddress().getPort()))
        .allowing(AllowedEndpoint.loopback(plain.port()));
  }

  private static URI secure(String path) {
    return URI.create("https://127.0.0.1:" + https.getAddress().getPort() + path);
  }

  @Test
  void reports_a_self_signed_certificate_as_a_tls_error_instead_of_trusting_it() {
    try (var c = new GuardedHttpClient(FetchPolicy.defaults().withAddresses(bothServers()))) {
      FetchResult r = c.fetch(FetchRequest.feed(secure("/feed")));
      assertThat(r).isInstanceOf(FetchResult.Failed.class);
      assertThat(((FetchResult.Failed) r).error().kind()).isEqualTo(FetchError.Kind.TLS);
    }
  }

  @Test
  void positive_control_fetches_over_tls_when_the_certificate_is_trusted() {
    try (var c = new GuardedHttpClient(FetchPolicy.defaults().withAddresses(bothServers()), InstantSource.system(),
        trustingOurCert)) {
      assertThat(c.fetch(FetchRequest.feed(secure("/feed")))).isInstanceOf(FetchResult.Fetched.class);
    }
  }

  @Test
  void refuses_a_redirect_from_https_down_to_http() {
    try (var c = new GuardedHttpClient(FetchPolicy.defaults().withAddresses(bothServers()), InstantSource.system(),
        trustingOurCert)) {
      FetchResult r = c.fetch(FetchRequest.feed(secure("/down")));
      assertThat(r).isInstanceOf(FetchResult.Failed.class);
      FetchError e = ((FetchResult.Failed) r).error();
      assertThat(e.kind()).isEqualTo(FetchError.Kind.REFUSED);
      assertThat(e.message()).contains("would downgrade https to http");
      assertThat(plain.count("/feed")).isZero();
    }
  }
}
