package io.podinsights.pipeline;

import static io.podinsights.cli.Cli.run;
import static io.podinsights.cli.Cli.runExpecting;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code add} checks a feed at once: a feed is followed, anything else is refused with the reason and not kept. */
class SubscribeIT {
  @TempDir Path dir;

  @Test
  void add_follows_feeds_and_refuses_pages_dead_links_private_addresses_and_other_schemes() throws Exception {
    try (var server = new TestPodcastServer().serveDemo("/feed.xml")) {
      server.serve("/page", "text/html", "<html><head><title>Our podcast</title></head><body>Listen!</body></html>");
      Path open = dir.resolve("open.toml");
      Files.writeString(open, "data-dir = \"" + dir.resolve("data") + "\"\n[fetch]\nallow-private-networks = true\n");
      Path strict = dir.resolve("strict.toml");
      Files.writeString(strict, "data-dir = \"" + dir.resolve("data") + "\"\n");

      assertThat(run("add", server.base() + "/feed.xml", "--config", open.toString()))
          .contains("Added The Long Game (4 episodes; the newest 3 queued for insights).");
      assertThat(run("add", server.base() + "/feed.xml", "--config", open.toString())).contains("already follow");
      assertThat(runExpecting(1, "add", server.base() + "/page", "--config", open.toString()))
          .contains("is an HTML page, not a feed").contains("Our podcast").contains("Not added.");
      assertThat(runExpecting(1, "add", server.base() + "/nothing", "--config", open.toString()))
          .contains("404").contains("Not added.");
      assertThat(runExpecting(1, "add", server.base() + "/feed2.xml", "--config", strict.toString()))
          .contains("is not public").contains("fetch.allow-private-networks").contains("Not added.");
      assertThat(runExpecting(1, "add", "http://169.254.169.254/latest/meta-data/", "--config", strict.toString()))
          .contains("not public").contains("Not added.");
      assertThat(runExpecting(2, "add", "file:///etc/passwd", "--config", strict.toString()))
          .contains("only http and https");
      assertThat(run("list", "--config", open.toString())).contains("The Long Game").doesNotContain("/page")
          .doesNotContain("169.254");
    }
  }
}
