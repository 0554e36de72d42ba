package io.podinsights.feed.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** HTTP behaviour of the guarded client against real loopback servers (reliability.md F1-F12, S7, S8, T1). */
class GuardedHttpClientTest {
  private static final String FEED = "<rss version=\"2.0\"><channel><title>Loopback Show</title></channel></rss>";
  private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

  private final TestHttpServer server = new TestHttpServer();
  private final List<AutoCloseable> toClose = new ArrayList<>();
  private final List<GuardedHttpClient> clients = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable c : toClose) c.close();
    server.close();
  }

  private GuardedHttpClient client(FetchPolicy base, int... ports) {
    AddressPolicy a = AddressPolicy.denyNonPublic();
    for (int p : ports) a = a.allowing(AllowedEndpoint.loopback(p));
    GuardedHttpClient c = new GuardedHttpClient(base.withAddresses(a), InstantSource.fixed(NOW));
    toClose.add(c);
    clients.add(c);
    return c;
  }

  private GuardedHttpClient client() {
    return client(FetchPolicy.defaults(), server.port());
  }

  private static String text(FetchResult r) {
    assertThat(r).isInstanceOf(FetchResult.Fetched.class);
    return new String(((FetchResult.Fetched) r).body(), StandardCharsets.UTF_8);
  }

  private static FetchError error(FetchResult r) {
    assertThat(r).isInstanceOf(FetchResult.Failed.class);
    return ((FetchResult.Failed) r).error();
  }

  @Test
  void identifies_itself_asks_for_feeds_and_never_sends_cookies_back() {
    server.route("/feed", ex -> {
      ex.getResponseHeaders().add("Set-Cookie", "session=abc; Path=/");
      TestHttpServer.send(ex, 200, FEED);
    });
    GuardedHttpClient c = client();
    assertThat(text(c.fetch(FetchRequest.feed(server.url("/feed"))))).isEqualTo(FEED);
    assertThat(text(c.fetch(FetchRequest.feed(server.url("/feed"))))).isEqualTo(FEED);

    TestHttpServer.Seen second = server.seen.get(1);
    assertThat(second.header("User-Agent")).isEqualTo("podinsights/0.1 (+https://github.com/podinsights/podinsights)");
    assertThat(second.header("Accept")).startsWith("application/rss+xml, application/atom+xml");
    assertThat(second.header("Accept-Encoding")).isEqualTo("gzip, deflate");
    assertThat(second.header("Cookie")).isNull();
  }

  @Test
  void answers_not_modified_on_304_via_etag() {
    server.route("/feed", ex -> {
      if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
        ex.sendResponseHeaders(304, -1);
      } else {
        ex.getResponseHeaders().add("ETag", "\"v1\"");
        TestHttpServer.send(ex, 200, FEED);
      }
    });
    GuardedHttpClient c = client();
    var first = (FetchResult.Fetched) c.fetch(FetchRequest.feed(server.url("/feed")));
    assertThat(first.etag()).contains("\"v1\"");

    FetchResult second = c.fetch(FetchRequest.feed(server.url("/feed")).withValidators(first.etag(), first.lastModified()));
    assertThat(second).isInstanceOf(FetchResult.NotModified.class);
    assertThat(((FetchResult.NotModified) second).etag()).contains("\"v1\"");
  }

  @Test
  void answers_not_modified_on_304_via_last_modified() {
    String stamp = "Sat, 21 Nov 2026 08:00:00 GMT";
    server.route("/feed", ex -> {
      if (stamp.equals(ex.getRequestHeaders().getFirst("If-Modified-Since"))) {
        ex.sendResponseHeaders(304, -1);
      } else {
        ex.getResponseHeaders().add("Last-Modified", stamp);
        TestHttpServer.send(ex, 200, FEED);
      }
    });
    GuardedHttpClient c = client();
    var first = (FetchResult.Fetched) c.fetch(FetchRequest.feed(server.url("/feed")));
    assertThat(first.lastModified()).contains(stamp);
    FetchResult second = c.fetch(FetchRequest.feed(server.url("/feed")).withValidators(Optional.empty(), first.lastModified()));
    assertThat(second).isInstanceOf(FetchResult.NotModified.class);
    assertThat(server.seen.get(1).header("If-None-Match")).isNull();
  }

  @Test
  void a_200_with_the_stored_etag_counts_as_not_modified() {
    server.route("/feed", ex -> {
      ex.getResponseHeaders().add("ETag", "\"same\"");
      TestHttpServer.send(ex, 200, FEED); // ignores If-None-Match, as many servers do
    });
    GuardedHttpClient c = client();
    FetchRequest req = FetchRequest.feed(server.url("/feed"));
    assertThat(c.fetch(req.withValidators(Optional.of("\"same\""), Optional.empty())))
        .isInstanceOf(FetchResult.NotModified.class);
    assertThat(c.fetch(req.withValidators(Optional.of("\"older\""), Optional.empty())))
        .isInstanceOf(FetchResult.Fetched.class);
  }

  private void redirect(String from, int status, String to) {
    server.route(from, ex -> {
      ex.getResponseHeaders().add("Location", to);
      ex.sendResponseHeaders(status, -1);
    });
  }

  @Test
  void reports_a_chain_of_301_and_308_as_permanent_and_any_302_or_307_as_temporary() {
    server.route("/feed", ex -> TestHttpServer.send(ex, 200, FEED));
    redirect("/p1", 301, "/p2");
    redirect("/p2", 308, server.url("/feed").toString());
    redirect("/t1", 301, "/t2");
    redirect("/t2", 302, "/feed");
    redirect("/s1", 307, "/feed");
    GuardedHttpClient c = client();

    var permanent = (FetchResult.Fetched) c.fetch(FetchRequest.feed(server.url("/p1")));
    assertThat(permanent.redirects()).isEqualTo(RedirectChain.PERMANENT);
    assertThat(permanent.finalUrl()).isEqualTo(server.url("/feed"));
    assertThat(permanent.requested()).isEqualTo(server.url("/p1"));
    assertThat(permanent.permanentLocation()).contains(server.url("/feed"));
    var temporary = (FetchResult.Fetched) c.fetch(FetchRequest.feed(server.url("/t1")));
    assertThat(temporary.redirects()).isEqualTo(RedirectChain.TEMPORARY);
    assertThat(temporary.permanentLocation()).isEmpty();
    assertThat(((FetchResult.Fetched) c.fetch(FetchRequest.feed(server.url("/s1")))).redirects())
        .isEqualTo(RedirectChain.TEMPORARY);
    assertThat(((FetchResult.Fetched) c.fetch(FetchRequest.feed(server.url("/feed")))).redirects())
        .isEqualTo(RedirectChain.NONE);
  }

  @Test
  void follows_exactly_ten_redirects_and_stops_an_eleventh_and_a_loop() {
    server.route("/feed", ex -> TestHttpServer.send(ex, 200, FEED));
    for (int i = 1; i <= 11; i++) redirect("/hop" + i, 302, i == 1 ? "/feed" : "/hop" + (i - 1));
    redirect("/loop", 301, "/loop");
    GuardedHttpClient c = client();

    assertThat(text(c.fetch(FetchRequest.feed(server.url("/hop10"))))).isEqualTo(FEED);
    FetchError eleven = error(c.fetch(FetchRequest.feed(server.url("/hop11"))));
    assertThat(eleven.kind()).isEqualTo(FetchError.Kind.TOO_MANY_REDIRECTS);
    assertThat(eleven.message()).contains("more than 10");

    assertThat(error(c.fetch(FetchRequest.feed(server.url("/loop")))).kind())
        .isEqualTo(FetchError.Kind.TOO_MANY_REDIRECTS);
    assertThat(server.count("/loop")).isEqualTo(11); // the first request plus 10 followed hops
  }

  @Test
  void honours_retry_after_in_seconds_as_an_http_date_and_ignores_garbage() {
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plus(Duration.ofHours(2)).atOffset(ZoneOffset.UTC));
    server.route("/seconds", ex -> {
      ex.getResponseHeaders().add("Retry-After", "3600");
      ex.sendResponseHeaders(429, -1);
    });
    server.route("/date", ex -> {
      ex.getResponseHeaders().add("Retry-After", date);
      ex.sendResponseHeaders(503, -1);
    });
    server.route("/garbage", ex -> {
      ex.getResponseHeaders().add("Retry-After", "soon-ish");
      ex.sendResponseHeaders(429, -1);
    });
    GuardedHttpClient c = client();

    FetchError seconds = error(c.fetch(FetchRequest.feed(server.url("/seconds"))));
    assertThat(seconds.kind()).isEqualTo(FetchError.Kind.RATE_LIMITED);
    assertThat(seconds.retryAfter()).contains(Duration.ofHours(1));
    assertThat(seconds.status()).contains(429);
    FetchError byDate = error(c.fetch(FetchRequest.feed(server.url("/date"))));
    assertThat(byDate.kind()).isEqualTo(FetchError.Kind.RATE_LIMITED);
    assertThat(byDate.retryAfter()).contains(Duration.ofHours(2));
    FetchError garbage = error(c.fetch(FetchRequest.feed(server.url("/garbage"))));
    assertThat(garbage.kind()).isEqualTo(FetchError.Kind.RATE_LIMITED);
    assertThat(garbage.retryAfter()).isEmpty();
  }

  @Test
  void classifies_410_as_gone_and_other_errors_with_status_and_reason() {
    server.route("/gone", ex -> ex.sendResponseHeaders(410, -1));
    server.route("/boom", ex -> ex.sendResponseHeaders(500, -1));
    server.route("/challenge", ex -> {
      ex.getResponseHeaders().add("cf-mitigated", "challenge");
      ex.getResponseHeaders().add("Content-Type", "text/html");
      TestHttpServer.send(ex, 403, "<html>are you human?</html>");
    });
    GuardedHttpClient c = client();

    FetchError gone = error(c.fetch(FetchRequest.feed(server.url("/gone"))));
    assertThat(gone.kind()).isEqualTo(FetchError.Kind.GONE);
    assertThat(gone.status()).contains(410);
    FetchError missing = error(c.fetch(FetchRequest.feed(server.url("/missing"))));
    assertThat(missing.kind()).isEqualTo(FetchError.Kind.HTTP_STATUS);
    assertThat(missing.message()).startsWith("fetch: " + server.url("/missing") + " answered 404 Not Found");
    FetchError boom = error(c.fetch(FetchRequest.feed(server.url("/boom"))));
    assertThat(boom.status()).contains(500);
    assertThat(boom.message()).contains("500 Internal Server Error");
    assertThat(error(c.fetch(FetchRequest.feed(server.url("/challenge")))).kind())
        .isEqualTo(FetchError.Kind.BOT_CHALLENGE);
  }

  /** Writes zeros until the client hangs up; returns how many bytes made it into the socket. */
  private static long writeZerosUntilHangUp(OutputStream out, long upTo) {
    byte[] zeros = new byte[64 * 1024];
    long sent = 0;
    try {
      while (sent < upTo) {
        out.write(zeros);
        sent += zeros.length;
      }
    } catch (IOException e) {
      // the client stopped reading: that is the point
    }
    return sent;
  }

  @Test
  void refuses_a_declared_content_length_over_the_cap_before_reading() {
    AtomicLong sent = new AtomicLong();
    server.route("/huge", ex -> {
      ex.sendResponseHeaders(200, 10L << 30);
      sent.set(writeZerosUntilHangUp(ex.getResponseBody(), 10L << 30));
    });
    FetchError e = error(client().fetch(FetchRequest.feed(server.url("/huge")).withMaxBytes(1 << 20)));
    assertThat(e.kind()).isEqualTo(FetchError.Kind.TOO_LARGE);
    assertThat(e.message()).contains("Content-Length 10737418240");
  }

  @Test
  void cap_is_exact_a_body_of_cap_bytes_passes_and_one_byte_more_fails_plain_and_gzipped() throws Exception {
    byte[] feed = FEED.getBytes(StandardCharsets.UTF_8);
    byte[] gz = gzip(feed);
    server.route("/plain", ex -> TestHttpServer.send(ex, 200, FEED));
    server.route("/chunked", ex -> {
      ex.sendResponseHeaders(200, 0);
      ex.getResponseBody().write(feed);
    });
    server.route("/gz", ex -> sendEncoded(ex, "gzip", gz));
    GuardedHttpClient c = client();
    for (String path : List.of("/plain", "/chunked", "/gz")) {
      FetchRequest req = FetchRequest.feed(server.url(path));
      assertThat(text(c.fetch(req.withMaxBytes(feed.length)))).as(path).isEqualTo(FEED);
      assertThat(error(c.fetch(req.withMaxBytes(feed.length - 1))).kind()).as(path).isEqualTo(FetchError.Kind.TOO_LARGE);
    }
  }

  @Test
  void stops_a_10_gb_chunked_body_at_the_cap_with_flat_heap() throws Exception {
    AtomicLong sent = new AtomicLong();
    var done = new java.util.concurrent.CountDownLatch(1);
    server.route("/endless", ex -> {
      ex.sendResponseHeaders(200, 0); // chunked, no Content-Length
      sent.set(writeZerosUntilHangUp(ex.getResponseBody(), 10L << 30));
      done.countDown();
    });
    long before = usedHeap();
    FetchError e = error(client().fetch(FetchRequest.feed(server.url("/endless"))));
    assertThat(e.kind()).isEqualTo(FetchError.Kind.TOO_LARGE);
    assertThat(usedHeap() - before).isLessThan(200L << 20);
    assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(sent.get()).isLessThan(FetchPolicy.DEFAULT_MAX_FEED_BYTES + (64L << 20));
  }

  private static long usedHeap() {
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }

  @Test
  void stops_an_endless_gzip_stream_at_the_decoded_cap() {
    server.route("/bomb", ex -> {
      ex.getResponseHeaders().add("Content-Encoding", "gzip");
      ex.sendResponseHeaders(200, 0);
      // 10 GB of zeros, compressed on the fly while the client reads
      try (var gz = new GZIPOutputStream(ex.getResponseBody(), 64 * 1024)) {
        writeZerosUntilHangUp(gz, 10L << 30);
      }
    });
    FetchError e = error(client().fetch(FetchRequest.feed(server.url("/bomb"))));
    assertThat(e.kind()).isEqualTo(FetchError.Kind.TOO_LARGE);
    assertThat(e.message()).contains("decodes to more");
  }

  @Test
  void stops_a_tiny_two_layer_gzip_bomb_that_inflates_to_a_gigabyte() throws Exception {
    // 64 concatenated gzip members of 16 MB of zeros each (a valid multi-member gzip of 1 GB), gzipped once more
    byte[] member = gzip(new byte[16 << 20]);
    ByteArrayOutputStream inner = new ByteArrayOutputStream();
    for (int i = 0; i < 64; i++) inner.write(member);
    byte[] bomb = gzip(inner.toByteArray());
    assertThat(bomb.length).isLessThan(64 * 1024); // tiny on the wire
    server.route("/bomb2", ex -> sendEncoded(ex, "gzip, gzip", bomb));
    long before = usedHeap();
    FetchError e = error(client().fetch(FetchRequest.feed(server.url("/bomb2"))));
    assertThat(e.kind()).isEqualTo(FetchError.Kind.TOO_LARGE);
    assertThat(e.message()).contains("decodes to more");
    assertThat(usedHeap() - before).isLessThan(200L << 20);
  }

  @Test
  void decodes_gzip_zlib_deflate_raw_deflate_and_two_stacked_layers_but_refuses_three() throws Exception {
    byte[] feed = FEED.getBytes(StandardCharsets.UTF_8);
    byte[] gz = gzip(feed);
    server.route("/gzip", ex -> sendEncoded(ex, "gzip", gz));
    server.route("/deflate", ex -> sendEncoded(ex, "deflate", deflate(feed, false)));
    server.route("/raw-deflate", ex -> sendEncoded(ex, "deflate", deflate(feed, true)));
    server.route("/gzip2", ex -> sendEncoded(ex, "gzip, gzip", gzip(gz)));
    server.route("/gzip3", ex -> sendEncoded(ex, "gzip, gzip, gzip", gzip(gzip(gz))));
    server.route("/br", ex -> sendEncoded(ex, "br", feed));
    GuardedHttpClient c = client();

    assertThat(text(c.fetch(FetchRequest.feed(server.url("/gzip"))))).isEqualTo(FEED);
    assertThat(text(c.fetch(FetchRequest.feed(server.url("/deflate"))))).isEqualTo(FEED);
    assertThat(text(c.fetch(FetchRequest.feed(server.url("/raw-deflate"))))).isEqualTo(FEED);
    assertThat(text(c.fetch(FetchRequest.feed(server.url("/gzip2"))))).isEqualTo(FEED);
    FetchError three = error(c.fetch(FetchRequest.feed(server.url("/gzip3"))));
    assertThat(three.kind()).isEqualTo(FetchError.Kind.BAD_RESPONSE);
    assertThat(three.message()).contains("stacks 3 content encodings");
    assertThat(error(c.fetch(FetchRequest.feed(server.url("/br")))).message()).contains("does not decode");
  }

  @Test
  void does_not_decode_the_body_of_a_redirect() {
    server.route("/feed", ex -> TestHttpServer.send(ex, 200, FEED));
    server.route("/bomb-redirect", ex -> {
      ex.getResponseHeaders().add("Location", "/feed");
      ex.getResponseHeaders().add("Content-Encoding", "gzip");
      ex.sendResponseHeaders(301, 0);
      try (var gz = new GZIPOutputStream(ex.getResponseBody(), 64 * 1024)) {
        writeZerosUntilHangUp(gz, 10L << 30);
      }
    });
    var r = (FetchResult.Fetched) client().fetch(FetchRequest.feed(server.url("/bomb-redirect")));
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(FEED);
    assertThat(r.redirects()).isEqualTo(RedirectChain.PERMANENT);
  }

  @Test
  void enforces_the_total_deadline_on_a_server_that_trickles_one_byte_at_a_time() {
    try (RawServer trickle = new RawServer((req, out, n) -> {
      RawServer.write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: 100000\r\n\r\n");
      for (int i = 0; i < 100_000; i++) {
        out.write('<');
        out.flush();
        java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(200).toNanos()); // the fault: a slow drip
      }
    })) {
      GuardedHttpClient c = client(FetchPolicy.defaults().withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5),
          Duration.ofSeconds(1)), trickle.port());
      long start = System.nanoTime();
      FetchError e = error(c.fetch(FetchRequest.feed(trickle.url("/feed"))));
      long tookMs = Duration.ofNanos(System.nanoTime() - start).toMillis();
      assertThat(e.kind()).isEqualTo(FetchError.Kind.TIMEOUT);
      assertThat(e.message()).contains("deadline");
      assertThat(tookMs).isBetween(900L, 4000L); // the read timeout (5 s) never fired: the deadline did
    }
  }

  @Test
  void enforces_the_deadline_on_a_server_that_accepts_and_never_answers() {
    try (RawServer silent = new RawServer((req, out, n) ->
        java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofSeconds(20).toNanos()))) {
      GuardedHttpClient c = client(FetchPolicy.defaults().withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10),
          Duration.ofSeconds(1)), silent.port());
      long start = System.nanoTime();
      assertThat(error(c.fetch(FetchRequest.feed(silent.url("/feed")))).kind()).isEqualTo(FetchError.Kind.TIMEOUT);
      assertThat(Duration.ofNanos(System.nanoTime() - start).toMillis()).isLessThan(4000L);
    }
  }

  private int maxConcurrent(int perHostLimit) throws Exception {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger max = new AtomicInteger();
    Object monitor = new Object();
    server.route("/slow", ex -> {
      int now = inFlight.incrementAndGet();
      max.accumulateAndGet(now, Math::max);
      synchronized (monitor) {
        monitor.notifyAll();
        long end = System.nanoTime() + Duration.ofMillis(400).toNanos();
        // hold the request until a third one arrives (it never should under limit 2) or 400 ms pass
        while (inFlight.get() < 3 && System.nanoTime() < end) {
          try {
            monitor.wait(50);
          } catch (InterruptedException e) {
            break;
          }
        }
      }
      inFlight.decrementAndGet();
      TestHttpServer.send(ex, 200, FEED);
    });
    GuardedHttpClient c = client(FetchPolicy.defaults().withPerHostLimit(perHostLimit), server.port());
    try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
      List<java.util.concurrent.Future<FetchResult>> all = new ArrayList<>();
      for (int i = 0; i < 6; i++) all.add(pool.submit(() -> c.fetch(FetchRequest.feed(server.url("/slow")))));
      for (var f : all) assertThat(f.get()).isInstanceOf(FetchResult.Fetched.class);
    }
    return max.get();
  }

  @Test
  void never_runs_more_than_the_per_host_limit_at_once() throws Exception {
    assertThat(maxConcurrent(2)).isEqualTo(2);
    assertThat(clients.getLast().hostsInFlight()).isZero(); // slots of idle hosts are forgotten
  }

  @Test
  void per_host_limit_positive_control_lets_more_through_when_raised() throws Exception {
    assertThat(maxConcurrent(4)).isGreaterThanOrEqualTo(3);
  }

  private static void sendEncoded(com.sun.net.httpserver.HttpExchange ex, String encoding, byte[] body) throws IOException {
    ex.getResponseHeaders().add("Content-Encoding", encoding);
    ex.sendResponseHeaders(200, body.length);
    ex.getResponseBody().write(body);
  }

  static byte[] gzip(byte[] in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (var gz = new GZIPOutputStream(out)) {
      gz.write(in);
    }
    return out.toByteArray();
  }

  private static byte[] deflate(byte[] in, boolean raw) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (var d = new DeflaterOutputStream(out, new Deflater(Deflater.DEFAULT_COMPRESSION, raw))) {
      d.write(in);
    }
    return out.toByteArray();
  }

  @Test
  void redacts_token_like_query_values_in_error_messages() {
    URI secret = server.url("/missing?token=s3cr3tT0k3nValue123&page=2");
    FetchError e = error(client().fetch(FetchRequest.feed(secret)));
    assertThat(e.message()).contains("token=***").contains("page=2").doesNotContain("s3cr3t");
  }
}
