package io.podinsights.feed.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A raw socket server on 127.0.0.1 for faults HttpServer cannot make: trickles, dropped connections, lying lengths. */
final class RawServer implements AutoCloseable {
  /** A parsed request head. */
  record Request(String method, String path, Map<String, String> headers) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /** Writes the whole answer (head and body) itself. */
  interface Handler {
    void handle(Request req, OutputStream out, int connection) throws IOException;
  }

  private final ServerSocket socket;
  final AtomicInteger connections = new AtomicInteger();
  final List<Request> requests = new CopyOnWriteArrayList<>();

  RawServer(Handler handler) {
    try {
      socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread.ofVirtual().start(() -> {
      while (!socket.isClosed()) {
        Socket s;
        try {
          s = socket.accept();
        } catch (IOException e) {
          return;
        }
        int n = connections.incrementAndGet();
        Thread.ofVirtual().start(() -> {
          try (s) {
            Request r = readHead(s.getInputStream());
            if (r == null) return;
            requests.add(r);
            handler.handle(r, s.getOutputStream(), n);
            s.getOutputStream().flush();
          } catch (IOException e) {
            // the client went away: expected in the fault tests
          }
        });
      }
    });
  }

  private static Request readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int state = 0;
    int b;
    while ((b = in.read()) != -1) {
      head.write(b);
      state = (b == '\r' && (state == 0 || state == 2)) ? state + 1 : (b == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
      if (state == 4) break;
    }
    if (state != 4) return null;
    String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
    String[] first = lines[0].split(" ");
    Map<String, String> headers = new TreeMap<>();
    for (int i = 1; i < lines.length; i++) {
      int c = lines[i].indexOf(':');
      if (c > 0) headers.put(lines[i].substring(0, c).trim().toLowerCase(Locale.ROOT), lines[i].substring(c + 1).trim());
    }
    return new Request(first[0], first[1], headers);
  }

  static void write(OutputStream out, String s) throws IOException {
    out.write(s.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  int port() {
    return socket.getLocalPort();
  }

  URI url(String path) {
    return URI.create("http://127.0.0.1:" + port() + path);
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // closing a test server
    }
  }
}
