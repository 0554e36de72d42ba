package io.podinsights.transcript.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.podinsights.transcript.TranscriptSource;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a small local server that speaks the OpenAI {@code /v1/audio/transcriptions} protocol. */
class ApiEngineTest {
  @TempDir Path tmp;
  private HttpServer server;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final List<String> auth = new CopyOnWriteArrayList<>();
  private volatile int status = 200;
  private volatile String answer = "";

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/v1/audio/transcriptions", ex -> {
      byte[] body = ex.getRequestBody().readAllBytes();
      requests.add(ex.getRequestMethod() + " " + ex.getRequestHeaders().getFirst("Content-Type") + "\n"
          + new String(body, StandardCharsets.ISO_8859_1));
      auth.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
      byte[] out = answer.getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.sendResponseHeaders(status, out.length);
      ex.getResponseBody().write(out);
      ex.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private SpeechConfig config() {
    URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    return SpeechConfig.defaults().withEngine(SpeechConfig.Engine.API).withWorkers(1).withChunkLength(Duration.ofSeconds(5))
        .withApi(new SpeechConfig.ApiEndpoint(base, Optional.of("sk-test"), "whisper-1"));
  }

  /** Two loud stretches of 6 s with a 1 s pause between them: two chunks. */
  private Path twoChunks() throws IOException {
    short[] pcm = SpeechFixtures.join(SpeechFixtures.noise(6, 3000, 1), SpeechFixtures.silence(1), SpeechFixtures.noise(6, 3000, 2));
    return SpeechFixtures.writeWav(tmp.resolve("ep.wav"), pcm, 16_000, 1);
  }

  @Test
  void uploads_each_chunk_as_multipart_wav_and_shifts_segment_times_into_the_episode() throws IOException {
    answer = """
        {"task":"transcribe","language":"english","duration":6.5,"text":"Hello there. Welcome.",
         "segments":[{"id":0,"start":0.5,"end":2.0,"text":" Hello there."},{"id":1,"start":2.5,"end":4.0,"text":" Welcome."}]}
        """;
    try (Transcriber t = Transcribers.create(config(), tmp, InstantSource.system())) {
      SpeechResult r = t.transcribe(new TranscriptionJob(twoChunks(), tmp.resolve("work")), ProgressListener.NONE);
      assertThat(requests).hasSize(2);
      String first = requests.getFirst();
      assertThat(first).startsWith("POST multipart/form-data; boundary=");
      assertThat(first).contains("name=\"model\"\r\n\r\nwhisper-1", "name=\"response_format\"\r\n\r\nverbose_json",
          "filename=\"chunk.wav\"", "Content-Type: audio/wav", "RIFF", "WAVE");
      assertThat(auth).containsOnly("Bearer sk-test");
      assertThat(r.transcript().source()).isEqualTo(new TranscriptSource.Transcribed("api", "whisper-1 @ 127.0.0.1"));
      assertThat(r.transcript().segments()).extracting(s -> s.text())
          .containsExactly("Hello there.", "Welcome.", "Hello there.", "Welcome.");
      double secondChunkStart = r.transcript().segments().get(2).start().toMillis() / 1000.0 - 0.5;
      assertThat(secondChunkStart).isBetween(6.1, 6.9);
    }
  }

  @Test
  void an_error_answer_becomes_a_clear_engine_error() {
    status = 401;
    answer = "{\"error\":{\"message\":\"Incorrect API key provided\",\"type\":\"invalid_request_error\"}}";
    try (Transcriber t = Transcribers.create(config(), tmp, InstantSource.system())) {
      assertThatThrownBy(() -> t.transcribe(new TranscriptionJob(twoChunks(), tmp.resolve("work")), ProgressListener.NONE))
          .isInstanceOfSatisfying(SpeechException.class, e -> assertThat(e.kind()).isEqualTo(SpeechException.Kind.ENGINE))
          .hasMessageEndingWith("/v1/audio/transcriptions answered 401 (Incorrect API key provided); check api.key");
    }
  }

  @Test
  void a_plain_text_answer_without_segments_spans_the_chunk() {
    List<Phrase> p = ApiEngine.phrases("{\"text\":\"Just text.\"}", 30);
    assertThat(p).containsExactly(new Phrase(0, 30, "Just text."));
  }

  @Test
  void an_unreachable_server_is_an_engine_error() throws IOException {
    Path audio = twoChunks();
    SpeechConfig config = config();
    server.stop(0);
    try (Transcriber t = Transcribers.create(config, tmp, InstantSource.system())) {
      assertThatThrownBy(() -> t.transcribe(new TranscriptionJob(audio, tmp.resolve("work")), ProgressListener.NONE))
          .hasMessageContaining("could not be reached");
    }
  }
}
