package io.podinsights.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TranscribeCommandTest {
  private static final Path DATA = Path.of("target", "speech-test-data");
  @TempDir Path tmp;

  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    PrintStream oldOut = System.out, oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      int exit = new CommandLine(new TranscribeCommand()).execute(args);
      return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  private static Path jfk() {
    Path p = Path.of("..", "shared", "data", "audio", "jfk.wav");
    Assumptions.assumeTrue(Files.isRegularFile(p), "shared audio absent");
    return p;
  }

  @Test
  void prints_json_segments_with_words_and_the_engine() throws Exception {
    Run r = run("--json", "--words", "--quiet", "--data-dir", DATA.toString(), jfk().toString());
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode root = new ObjectMapper().readTree(r.out());
    assertThat(root.path("source").path("engine").asText()).isEqualTo("vosk");
    JsonNode first = root.path("segments").get(0);
    assertThat(first.path("start").asDouble()).isLessThan(1.0);
    assertThat(first.path("text").asText()).startsWith("And so my fellow");
    assertThat(first.path("words").get(0).path("word").asText()).isEqualTo("and");
    assertThat(root.path("segments").findValues("word").stream().map(JsonNode::asText)).contains("country");
  }

  @Test
  void prints_plain_text_and_leaves_no_work_files() {
    Run r = run("--quiet", "--data-dir", tmp.toString(), jfk().toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("What your country can do for you.").startsWith("And so my fellow");
    assertThat(tmp.resolve("speech")).isEmptyDirectory();
  }

  @Test
  void an_html_file_is_a_clear_error() {
    Run r = run("--quiet", "--data-dir", DATA.toString(), "src/test/resources/speech/episode.mp3");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("speech: episode.mp3 is not audio (looks like an HTML page)");
  }

  @Test
  void a_url_is_downloaded_through_the_guarded_client_transcribed_and_deleted() throws Exception {
    byte[] audio = Files.readAllBytes(jfk());
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/ep.wav", exchange -> {
      try (exchange) {
        exchange.getResponseHeaders().set("Content-Type", "audio/wav");
        exchange.sendResponseHeaders(200, audio.length);
        exchange.getResponseBody().write(audio);
      }
    });
    server.start();
    try {
      Path toml = tmp.resolve("podinsights.toml");
      Files.writeString(toml, "data-dir = \"" + tmp.resolve("data") + "\"\n[fetch]\nallow-private-networks = true\n");
      Run r = run("--quiet", "--config", toml.toString(),
          "http://127.0.0.1:" + server.getAddress().getPort() + "/ep.wav");
      assertThat(r.exit()).as(r.err()).isZero();
      assertThat(r.out()).contains("What your country can do for you.");
      assertThat(tmp.resolve("data/audio")).isEmptyDirectory();
    } finally {
      server.stop(0);
    }
  }

  @Test
  void a_url_on_a_private_address_is_refused_by_default() {
    Run r = run("--quiet", "--data-dir", tmp.toString(), "http://127.0.0.1:9/ep.mp3");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("transcribe: fetch: http://127.0.0.1:9/ep.mp3 refused").contains("not public");
  }

  @Test
  void an_unknown_engine_is_refused() {
    Run r = run("--engine", "kaldi", jfk().toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("use vosk, whisper or api");
  }
}
