package io.podinsights.feed.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Audio downloads: streamed to disk, capped, resumed with Range + If-Range, never spliced (reliability.md F14). */
class DownloadTest {
  private static final int SIZE = 300_000;
  private static final byte[] V1 = pattern(SIZE, 7);
  private static final byte[] V2 = pattern(SIZE, 13); // the same episode after dynamic ad insertion

  @TempDir Path dir;
  private final List<AutoCloseable> toClose = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable c : toClose) c.close();
  }

  private static byte[] pattern(int size, int seed) {
    byte[] b = new byte[size];
    for (int i = 0; i < size; i++) b[i] = (byte) ((i * seed) ^ (i >>> 8));
    return b;
  }

  private RawServer server(RawServer.Handler h) {
    RawServer s = new RawServer(h);
    toClose.add(s);
    return s;
  }

  private GuardedHttpClient client(RawServer s) {
    GuardedHttpClient c = new GuardedHttpClient(FetchPolicy.defaults()
        .withAddresses(AddressPolicy.denyNonPublic().allowing(AllowedEndpoint.loopback(s.port()))));
    toClose.add(c);
    return c;
  }

  private static void full(OutputStream out, String etag, byte[] body, int sendOnly) throws IOException {
    RawServer.write(out, "HTTP/1.1 200 OK\r\nContent-Type: audio/mpeg\r\nETag: " + etag + "\r\nContent-Length: "
        + body.length + "\r\nConnection: close\r\n\r\n");
    out.write(body, 0, sendOnly);
    out.flush();
  }

  private static void partial(OutputStream out, String etag, byte[] body, int from) throws IOException {
    RawServer.write(out, "HTTP/1.1 206 Partial Content\r\nContent-Type: audio/mpeg\r\nETag: " + etag
        + "\r\nContent-Range: bytes " + from + "-" + (body.length - 1) + "/" + body.length + "\r\nContent-Length: "
        + (body.length - from) + "\r\nConnection: close\r\n\r\n");
    out.write(body, from, body.length - from);
    out.flush();
  }

  private static int rangeStart(RawServer.Request req) {
    String range = req.header("Range");
    return range == null ? -1 : Integer.parseInt(range.replace("bytes=", "").replace("-", ""));
  }

  @Test
  void streams_a_file_to_disk_and_reports_progress_up_to_the_total() throws Exception {
    RawServer s = server((req, out, n) -> full(out, "\"a\"", V1, V1.length));
    List<long[]> progress = new ArrayList<>();
    Path target = dir.resolve("episode.mp3");
    DownloadResult r = client(s).download(DownloadRequest.of(s.url("/e.mp3"), target),
        (done, total) -> progress.add(new long[] {done, total.orElse(-1)}));

    assertThat(r).isInstanceOf(DownloadResult.Downloaded.class);
    assertThat(Files.readAllBytes(target)).isEqualTo(V1);
    assertThat(progress.getLast()).containsExactly(SIZE, SIZE);
    assertThat(s.requests.getFirst().header("Accept-Encoding")).isEqualTo("identity");
    assertThat(Files.exists(dir.resolve("episode.mp3.part"))).isFalse();
  }

  @Test
  void resumes_with_range_and_if_range_after_the_server_drops_the_connection_halfway() throws Exception {
    RawServer s = server((req, out, n) -> {
      int from = rangeStart(req);
      if (from > 0 && "\"a\"".equals(req.header("If-Range"))) partial(out, "\"a\"", V1, from);
      else full(out, "\"a\"", V1, SIZE / 2); // drops after half
    });
    Path target = dir.resolve("episode.mp3");
    var r = (DownloadResult.Downloaded) client(s).download(DownloadRequest.of(s.url("/e.mp3"), target), ProgressListener.none());

    assertThat(Files.readAllBytes(target)).isEqualTo(V1);
    assertThat(r.attempts()).isEqualTo(2);
    assertThat(r.bytes()).isEqualTo(SIZE);
    assertThat(s.requests.get(1).header("Range")).isEqualTo("bytes=" + (SIZE / 2) + "-");
    assertThat(s.requests.get(1).header("If-Range")).isEqualTo("\"a\"");
  }

  @Test
  void restarts_from_zero_when_the_file_changed_between_attempts_instead_of_splicing() throws Exception {
    RawServer s = server((req, out, n) -> {
      if (n == 1) {
        full(out, "\"a\"", V1, SIZE / 2); // old version, dropped halfway
      } else {
        // the ad-inserted version: If-Range "a" no longer matches, so RFC 9110 says answer 200 with the whole file
        full(out, "\"b\"", V2, V2.length);
      }
    });
    Path target = dir.resolve("episode.mp3");
    DownloadResult r = client(s).download(DownloadRequest.of(s.url("/e.mp3"), target), ProgressListener.none());

    assertThat(r).isInstanceOf(DownloadResult.Downloaded.class);
    assertThat(Files.readAllBytes(target)).isEqualTo(V2);
    assertThat(s.requests.get(1).header("If-Range")).isEqualTo("\"a\"");
    assertThat(s.requests.get(1).header("Range")).isEqualTo("bytes=" + (SIZE / 2) + "-");
  }

  @Test
  void deletes_the_partial_file_when_a_body_without_length_streams_past_the_cap() throws Exception {
    AtomicLong sent = new AtomicLong();
    RawServer s = server((req, out, n) -> {
      RawServer.write(out, "HTTP/1.1 200 OK\r\nContent-Type: audio/mpeg\r\nConnection: close\r\n\r\n");
      byte[] chunk = new byte[64 * 1024];
      for (int i = 0; i < 1_000; i++) { // 64 MB if nobody stops it
        out.write(chunk);
        sent.addAndGet(chunk.length);
      }
    });
    Path target = dir.resolve("episode.mp3");
    DownloadResult r = client(s).download(new DownloadRequest(s.url("/e.mp3"), target, 1 << 20), ProgressListener.none());

    assertThat(r).isInstanceOf(DownloadResult.DownloadFailed.class);
    assertThat(((DownloadResult.DownloadFailed) r).error().kind()).isEqualTo(FetchError.Kind.TOO_LARGE);
    assertThat(Files.exists(target)).isFalse();
    assertThat(Files.exists(dir.resolve("episode.mp3.part"))).isFalse();
    assertThat(s.requests).hasSize(1);
  }

  @Test
  void refuses_a_declared_length_over_the_cap_before_writing_anything() {
    RawServer s = server((req, out, n) -> full(out, "\"a\"", V1, V1.length));
    DownloadResult r = client(s).download(new DownloadRequest(s.url("/e.mp3"), dir.resolve("e.mp3"), 1000),
        ProgressListener.none());
    var failed = (DownloadResult.DownloadFailed) r;
    assertThat(failed.error().kind()).isEqualTo(FetchError.Kind.TOO_LARGE);
    assertThat(failed.error().message()).contains("declares " + SIZE + " bytes");
    assertThat(Files.exists(dir.resolve("e.mp3.part"))).isFalse();
  }

  @Test
  void gives_up_after_the_bounded_number_of_tries_and_deletes_the_partial_file() {
    RawServer s = server((req, out, n) -> {
      int from = Math.max(rangeStart(req), 0);
      if (from > 0) {
        RawServer.write(out, "HTTP/1.1 206 Partial Content\r\nETag: \"a\"\r\nContent-Range: bytes " + from + "-"
            + (SIZE - 1) + "/" + SIZE + "\r\nContent-Length: " + (SIZE - from) + "\r\nConnection: close\r\n\r\n");
        out.write(V1, from, 1000); // always drops after 1000 bytes
      } else {
        full(out, "\"a\"", V1, 1000);
      }
    });
    Path target = dir.resolve("e.mp3");
    var failed = (DownloadResult.DownloadFailed) client(s).download(DownloadRequest.of(s.url("/e.mp3"), target),
        ProgressListener.none());
    assertThat(failed.attempts()).isEqualTo(5);
    assertThat(failed.error().message()).contains("gave up after 5 tries");
    assertThat(s.requests).hasSize(5);
    assertThat(s.requests.get(4).header("Range")).isEqualTo("bytes=4000-"); // every try resumed where the last stopped
    assertThat(Files.exists(target)).isFalse();
    assertThat(Files.exists(dir.resolve("e.mp3.part"))).isFalse();
  }

  @Test
  void reports_a_local_write_failure_once_instead_of_retrying() throws Exception {
    RawServer s = server((req, out, n) -> full(out, "\"a\"", V1, V1.length));
    Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");
    var failed = (DownloadResult.DownloadFailed) client(s).download(
        DownloadRequest.of(s.url("/e.mp3"), notADirectory.resolve("e.mp3")), ProgressListener.none());
    assertThat(failed.error().kind()).isEqualTo(FetchError.Kind.LOCAL_IO);
    assertThat(failed.attempts()).isEqualTo(1);
    assertThat(s.requests).hasSize(1);
  }

  @Test
  void refuses_a_download_from_a_non_public_address_like_every_other_request() {
    RawServer s = server((req, out, n) -> full(out, "\"a\"", V1, V1.length));
    GuardedHttpClient strict = new GuardedHttpClient(FetchPolicy.defaults());
    toClose.add(strict);
    var failed = (DownloadResult.DownloadFailed) strict.download(DownloadRequest.of(s.url("/e.mp3"), dir.resolve("e.mp3")),
        (done, total) -> {});
    assertThat(failed.error().kind()).isEqualTo(FetchError.Kind.REFUSED);
    assertThat(s.connections.get()).isZero();
  }
}
