package io.podinsights.transcript.speech;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Optional engine: any OpenAI-compatible {@code POST <base>/audio/transcriptions} endpoint (OpenAI, a local
 * whisper server, vLLM...). Each chunk is uploaded as a 16 kHz WAV in a multipart form asking for
 * {@code verbose_json}; the answer's segments become phrases. The base URL comes from config, not from feeds.
 */
public final class ApiEngine implements SpeechEngine {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final SpeechConfig.ApiEndpoint endpoint;
  private final HttpClient http;
  private final URI url;

  public ApiEngine(SpeechConfig.ApiEndpoint endpoint) {
    this.endpoint = endpoint;
    String base = endpoint.baseUrl().toString();
    this.url = URI.create((base.endsWith("/") ? base : base + "/") + "audio/transcriptions");
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(15)).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  @Override
  public String name() {
    return "api";
  }

  @Override
  public String model() {
    return endpoint.model() + " @ " + endpoint.baseUrl().getHost();
  }

  @Override
  public Worker newWorker() {
    return new Worker() {
      @Override
      public ChunkResult recognize(AudioChunk chunk) {
        return ApiEngine.this.recognize(chunk);
      }

      @Override
      public void close() {}
    };
  }

  ChunkResult recognize(AudioChunk chunk) {
    String boundary = "podinsights-" + UUID.randomUUID();
    byte[] body = multipart(boundary, wav(chunk.samples()), endpoint.model());
    HttpRequest.Builder req = HttpRequest.newBuilder(url)
        .timeout(Duration.ofMinutes(10))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    endpoint.key().ifPresent(k -> req.header("Authorization", "Bearer " + k));
    HttpResponse<String> resp;
    try {
      resp = http.send(req.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new SpeechException(SpeechException.Kind.ENGINE, "speech: " + url + " could not be reached (" + e
          + "); check api.base-url and that the server is running", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SpeechException(SpeechException.Kind.ENGINE, "speech: interrupted while waiting for " + url, e);
    }
    if (resp.statusCode() / 100 != 2) {
      String hint = resp.statusCode() == 401 || resp.statusCode() == 403 ? "check api.key"
          : resp.statusCode() == 404 ? "check api.base-url (it should end with /v1)"
          : resp.statusCode() == 429 || resp.statusCode() >= 500 ? "will retry later" : "check api.model and the server's logs";
      throw new SpeechException(SpeechException.Kind.ENGINE, "speech: " + url + " answered " + resp.statusCode()
          + errorDetail(resp.body()) + "; " + hint);
    }
    return new ChunkResult(chunk.index(), chunk.startSample(), chunk.samples().length, List.of(),
        phrases(resp.body(), chunk.length().toMillis() / 1000.0).stream().map(p -> p.shifted(chunk.startSeconds())).toList());
  }

  static List<Phrase> phrases(String body, double chunkSeconds) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      throw new SpeechException(SpeechException.Kind.ENGINE, "speech: the transcription API answered something that is not JSON ("
          + abbreviate(body) + "); is api.base-url an OpenAI-compatible server?", e);
    }
    List<Phrase> out = new ArrayList<>();
    for (JsonNode s : root.path("segments")) {
      out.add(new Phrase(s.path("start").asDouble(), s.path("end").asDouble(), s.path("text").asText("")));
    }
    if (out.isEmpty() && !root.path("text").asText("").isBlank())
      out.add(new Phrase(0, chunkSeconds, root.path("text").asText()));
    return out;
  }

  private static String errorDetail(String body) {
    try {
      JsonNode msg = JSON.readTree(body).path("error").path("message");
      if (!msg.isMissingNode() && !msg.asText().isBlank()) return " (" + msg.asText() + ")";
    } catch (IOException | RuntimeException ignored) {
      // not JSON: show the start of the body
    }
    return body == null || body.isBlank() ? "" : " (" + abbreviate(body) + ")";
  }

  private static String abbreviate(String s) {
    String one = s.strip().replaceAll("\\s+", " ");
    return one.length() > 200 ? one.substring(0, 200) + "..." : one;
  }

  static byte[] multipart(String boundary, byte[] wav, String model) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(wav.length + 1024);
    field(out, boundary, "model", model);
    field(out, boundary, "response_format", "verbose_json");
    field(out, boundary, "timestamp_granularities[]", "segment");
    write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"chunk.wav\"\r\n"
        + "Content-Type: audio/wav\r\n\r\n");
    out.writeBytes(wav);
    write(out, "\r\n--" + boundary + "--\r\n");
    return out.toByteArray();
  }

  private static void field(ByteArrayOutputStream out, String boundary, String name, String value) {
    write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
  }

  private static void write(ByteArrayOutputStream out, String s) {
    out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
  }

  /** A 16 kHz mono 16-bit PCM WAV file holding {@code samples}. */
  public static byte[] wav(short[] samples) {
    ByteBuffer b = ByteBuffer.allocate(44 + samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + samples.length * 2)
        .put("WAVE".getBytes(StandardCharsets.US_ASCII)).put("fmt ".getBytes(StandardCharsets.US_ASCII))
        .putInt(16).putShort((short) 1).putShort((short) 1).putInt(AudioDecoder.SAMPLE_RATE)
        .putInt(AudioDecoder.SAMPLE_RATE * 2).putShort((short) 2).putShort((short) 16)
        .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(samples.length * 2);
    for (short s : samples) b.putShort(s);
    return b.array();
  }

  @Override
  public void close() {
    http.close();
  }
}
