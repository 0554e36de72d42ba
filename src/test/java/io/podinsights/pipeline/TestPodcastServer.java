package io.podinsights.pipeline;

import com.sun.net.httpserver.HttpServer;
import io.podinsights.feed.fetch.AllowedEndpoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A loopback HTTP server for pipeline tests: fixed answers per path, ETags honoured, requests counted. */
final class TestPodcastServer implements AutoCloseable {
  record Answer(int status, String type, byte[] body) {}

  private final HttpServer server;
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
  private final Map<String, CountDownLatch[]> blocks = new ConcurrentHashMap<>();

  TestPodcastServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", exchange -> {
      try (exchange) {
        String path = exchange.getRequestURI().getPath();
        hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        CountDownLatch[] block = blocks.get(path);
        if (block != null) {
          block[0].countDown();
          try {
            block[1].await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        Answer a = answers.getOrDefault(path, new Answer(404, "text/plain", "not found".getBytes()));
        String etag = "\"" + Integer.toHexString(java.util.Arrays.hashCode(a.body())) + "\"";
        if (a.status() == 200 && etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
          exchange.sendResponseHeaders(304, -1);
          return;
        }
        exchange.getResponseHeaders().set("Content-Type", a.type());
        if (a.status() == 200) exchange.getResponseHeaders().set("ETag", etag);
        exchange.sendResponseHeaders(a.status(), a.body().length == 0 ? -1 : a.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(a.body());
        }
      }
    });
    server.start();
  }

  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  AllowedEndpoint endpoint() {
    return AllowedEndpoint.loopback(server.getAddress().getPort());
  }

  TestPodcastServer serve(String path, int status, String type, byte[] body) {
    answers.put(path, new Answer(status, type, body));
    return this;
  }

  TestPodcastServer serve(String path, String type, String body) {
    return serve(path, 200, type, body.replace("{{BASE}}", base()).getBytes(StandardCharsets.UTF_8));
  }

  /** Serves the built-in demo podcast's feed at {@code path} and its transcripts under /transcripts/. */
  TestPodcastServer serveDemo(String path) throws IOException {
    serve(path, "application/rss+xml", resource("demo/feed.xml"));
    for (String t : new String[] {"ep1.json", "ep1.srt", "ep2.vtt", "ep2.html", "ep3.srt", "ep4.txt"}) {
      serve("/transcripts/" + t, "text/plain; charset=utf-8", resource("demo/transcripts/" + t));
    }
    return this;
  }

  /** Holds requests for {@code path}: says so on {@code reached}, answers only after {@code release}. */
  void block(String path, CountDownLatch reached, CountDownLatch release) {
    blocks.put(path, new CountDownLatch[] {reached, release});
  }

  int hits(String path) {
    return hits.getOrDefault(path, new AtomicInteger()).get();
  }

  static String resource(String name) throws IOException {
    try (InputStream in = TestPodcastServer.class.getResourceAsStream("/" + name)) {
      if (in == null) throw new IOException("test: missing resource " + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
