package io.podinsights.feed.fetch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/** A real HTTP server on 127.0.0.1 for the fetch tests; records every request it receives. */
final class TestHttpServer implements AutoCloseable {
  /** One request as the server saw it. */
  record Seen(String path, Map<String, List<String>> headers) {
    String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }
  }

  /** Answers one exchange. */
  interface Handler {
    void handle(HttpExchange ex) throws IOException;
  }

  private final HttpServer server;
  final List<Seen> seen = new CopyOnWriteArrayList<>();
  private final Map<String, Handler> routes = new ConcurrentHashMap<>();

  TestHttpServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", ex -> {
      try (ex) {
        seen.add(new Seen(ex.getRequestURI().toString(), Map.copyOf(ex.getRequestHeaders())));
        String path = ex.getRequestURI().getPath();
        Handler h = routes.getOrDefault(path, routes.get("*"));
        if (h == null) {
          ex.sendResponseHeaders(404, -1);
        } else {
          h.handle(ex);
        }
      } catch (IOException e) {
        // the client hung up (caps, deadlines): that is what several tests provoke
      }
    });
    server.start();
  }

  TestHttpServer route(String path, Handler h) {
    routes.put(path, h);
    return this;
  }

  int port() {
    return server.getAddress().getPort();
  }

  URI url(String path) {
    return URI.create("http://127.0.0.1:" + port() + path);
  }

  long count(String path) {
    return seen.stream().filter(s -> s.path().equals(path)).count();
  }

  static void send(HttpExchange ex, int status, String body) throws IOException {
    byte[] b = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
    if (b.length > 0) ex.getResponseBody().write(b);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
