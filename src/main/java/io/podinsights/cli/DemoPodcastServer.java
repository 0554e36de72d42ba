package io.podinsights.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * Serves the built-in demo podcast ("The Long Game", resources under {@code demo/}) on a loopback port, so the demo
 * runs the real fetch path with no network: the feed at {@code /feed.xml}, its transcripts, and simple episode pages.
 */
final class DemoPodcastServer implements AutoCloseable {
  private static final Map<String, String> TYPES = Map.of(
      "json", "application/json", "srt", "application/x-subrip", "vtt", "text/vtt; charset=utf-8",
      "html", "text/html; charset=utf-8", "txt", "text/plain; charset=utf-8");

  private final HttpServer server;

  private DemoPodcastServer(HttpServer server) {
    this.server = server;
  }

  static DemoPodcastServer start() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    DemoPodcastServer demo = new DemoPodcastServer(server);
    server.createContext("/", demo::handle);
    server.start();
    return demo;
  }

  URI base() {
    return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":"
        + server.getAddress().getPort());
  }

  URI feed() {
    return base().resolve("/feed.xml");
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (path.equals("/feed.xml")) {
        byte[] feed = resource("feed.xml");
        String text = new String(feed, StandardCharsets.UTF_8).replace("{{BASE}}", base().toString());
        send(exchange, 200, "application/rss+xml; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
      } else if (path.matches("/transcripts/[a-z0-9-]+\\.(json|srt|vtt|html|txt)") && exists(path.substring(1))) {
        String ext = path.substring(path.lastIndexOf('.') + 1);
        send(exchange, 200, TYPES.get(ext), resource(path.substring(1)));
      } else if (path.matches("/episodes/\\d+")) {
        String page = "<!doctype html><meta charset=utf-8><title>The Long Game</title>"
            + "<body style='font-family:sans-serif;max-width:40em;margin:3em auto'><h1>The Long Game</h1>"
            + "<p>Episode " + path.substring("/episodes/".length()) + " of the podinsights demo podcast.</p>";
        send(exchange, 200, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
      } else {
        send(exchange, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  private static boolean exists(String name) {
    return DemoPodcastServer.class.getResource("/demo/" + name) != null;
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = DemoPodcastServer.class.getResourceAsStream("/demo/" + name)) {
      if (in == null) throw new IOException("demo: resource missing: " + name);
      return in.readAllBytes();
    }
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
