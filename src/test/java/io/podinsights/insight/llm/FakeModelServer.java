package io.podinsights.insight.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A model server on 127.0.0.1 speaking one provider's chat protocol (OpenAI chat completions, Anthropic messages or
 * Ollama chat), answering each request with what the test's responder returns, and recording every request.
 */
final class FakeModelServer implements AutoCloseable {

  /** What the server does with one request. */
  sealed interface Reply {
    /** Answer 200 with this assistant text and this token usage (none reported when prompt tokens are negative). */
    record Text(String content, int promptTokens, int completionTokens) implements Reply {}

    /** Answer with this status and body. */
    record Status(int code, String body) implements Reply {}

    /** Hold the request until the server closes (longer than any client timeout in the tests). */
    record Hang() implements Reply {}
  }

  enum Protocol {
    OPENAI("/v1/chat/completions"),
    ANTHROPIC("/v1/messages"),
    OLLAMA("/api/chat");

    final String path;

    Protocol(String path) {
      this.path = path;
    }
  }

  /** One request as received; header names in lower case, first value only. */
  record Request(String method, String path, Map<String, String> headers, String body) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService pool = Executors.newCachedThreadPool();
  private final CountDownLatch closing = new CountDownLatch(1);
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Protocol protocol;
  private final Function<Request, Reply> responder;

  FakeModelServer(Protocol protocol, Function<Request, Reply> responder) throws IOException {
    this.protocol = protocol;
    this.responder = responder;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(pool);
    server.start();
  }

  /** The base URL a client of this protocol is configured with. */
  String baseUrl() {
    String root = "http://127.0.0.1:" + server.getAddress().getPort();
    return switch (protocol) {
      case OPENAI, ANTHROPIC -> root + "/v1";
      case OLLAMA -> root;
    };
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Map<String, String> headers = new java.util.HashMap<>();
      exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.getFirst()));
      Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), Map.copyOf(headers),
          new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      requests.add(request);
      if (!request.path().equals(protocol.path)) {
        send(exchange, 404, "{\"error\":\"no route " + request.path() + "\"}");
        return;
      }
      switch (responder.apply(request)) {
        case Reply.Text t -> send(exchange, 200, body(t));
        case Reply.Status s -> send(exchange, s.code(), s.body());
        case Reply.Hang h -> {
          try {
            closing.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      }
    }
  }

  private String body(Reply.Text t) throws IOException {
    int total = t.promptTokens() + t.completionTokens();
    if (t.promptTokens() < 0 && protocol == Protocol.OPENAI) {
      return JSON.writeValueAsString(Map.of(
          "id", "chatcmpl-1", "object", "chat.completion", "created", 1_700_000_000, "model", "fake-model",
          "choices", List.of(Map.of("index", 0, "finish_reason", "stop",
              "message", Map.of("role", "assistant", "content", t.content())))));
    }
    Object body = switch (protocol) {
      case OPENAI -> Map.of(
          "id", "chatcmpl-1", "object", "chat.completion", "created", 1_700_000_000, "model", "fake-model",
          "choices", List.of(Map.of("index", 0, "finish_reason", "stop",
              "message", Map.of("role", "assistant", "content", t.content()))),
          "usage", Map.of("prompt_tokens", t.promptTokens(), "completion_tokens", t.completionTokens(),
              "total_tokens", total));
      case ANTHROPIC -> Map.of(
          "id", "msg_1", "type", "message", "role", "assistant", "model", "fake-model",
          "content", List.of(Map.of("type", "text", "text", t.content())),
          "stop_reason", "end_turn",
          "usage", Map.of("input_tokens", t.promptTokens(), "output_tokens", t.completionTokens()));
      case OLLAMA -> Map.of(
          "model", "fake-model", "created_at", "2026-11-23T12:00:00Z",
          "message", Map.of("role", "assistant", "content", t.content()),
          "done", true, "done_reason", "stop",
          "prompt_eval_count", t.promptTokens(), "eval_count", t.completionTokens());
    };
    return JSON.writeValueAsString(body);
  }

  private static void send(HttpExchange exchange, int code, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(code, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
    pool.shutdownNow();
  }
}
