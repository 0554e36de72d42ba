package io.podinsights.pipeline;

import static io.podinsights.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An OPML file of 1,000 podcasts, some dead, one with a malformed URL: those fail on their own rows, the rest work.
 */
class OpmlImportIT {
  private static final String FEED = """
      <?xml version="1.0"?><rss version="2.0"><channel><title>Show %d</title><link>https://example.com/%d</link>
      <item><title>First</title><guid>show-%d-ep-1</guid><pubDate>Mon, 16 Nov 2026 06:00:00 +0000</pubDate></item>
      </channel></rss>
      """;

  @TempDir Path dir;

  @Test
  void importing_a_thousand_feeds_with_dead_ones_among_them_keeps_the_live_ones_working() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    try (var server = new TestPodcastServer()) {
      StringBuilder opml = new StringBuilder("<?xml version=\"1.0\"?><opml version=\"2.0\"><head><title>Mine</title>"
          + "</head><body><outline text=\"Business\">");
      for (int i = 0; i < 1000; i++) {
        String url;
        if (i == 999) {
          url = server.base() + "/a feed with spaces.xml";
        } else if (i % 20 == 0) {
          url = server.base() + "/missing/" + i;
        } else if (i % 20 == 10) {
          url = "http://127.0.0.1:" + closedPort + "/feed/" + i;
        } else {
          url = server.base() + "/feed/" + i;
          server.serve("/feed/" + i, "application/rss+xml", FEED.formatted(i, i, i));
        }
        opml.append("<outline type=\"rss\" text=\"Show ").append(i).append("\" xmlUrl=\"").append(url).append("\"/>");
      }
      opml.append("</outline></body></opml>");
      Path file = dir.resolve("subscriptions.opml");
      Files.writeString(file, opml);
      Path toml = dir.resolve("podinsights.toml");
      Files.writeString(toml, "data-dir = \"" + dir.resolve("data") + "\"\n[fetch]\nallow-private-networks = true\n");

      assertThat(run("import", file.toString(), "--config", toml.toString()))
          .contains("Imported 1000 podcasts");
      String scan = run("scan", "--config", toml.toString());
      assertThat(scan).contains("Scanned 1000 podcasts: 899 updated, 0 unchanged, 101 failed; 899 new episodes queued.");
      assertThat(scan).contains("answered 404").contains("127.0.0.1:" + closedPort).contains("is not a valid URL");
      String status = run("status", "--config", toml.toString());
      assertThat(status).contains("Podcasts: 1000 followed, 101 with errors.");
      assertThat(run("list", "--config", toml.toString())).contains("Show 998");
    }
  }
}
