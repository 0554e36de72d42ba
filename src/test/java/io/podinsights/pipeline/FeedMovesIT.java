package io.podinsights.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.podinsights.App;
import io.podinsights.config.Config;
import io.podinsights.config.Keys;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A subscription moves only on a permanent redirect (301/308) or itunes:new-feed-url, and only when the new address
 * answers with a feed: never on a temporary redirect, never to an HTML page.
 */
class FeedMovesIT {
  private static final String FEED = """
      <?xml version="1.0"?><rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd">
      <channel><title>%s</title>%s<item><title>One</title><guid>one</guid></item></channel></rss>
      """;

  @TempDir Path dir;

  @Test
  void only_permanent_moves_to_real_feeds_change_the_stored_url() throws Exception {
    HttpServer redirects = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    try (var server = new TestPodcastServer()) {
      String base = server.base();
      for (String target : List.of("/new.xml", "/new-301.xml", "/new-308.xml", "/new-302.xml")) {
        server.serve(target, "application/rss+xml", FEED.formatted("Moved Show", ""));
      }
      server.serve("/portal", "text/html", "<html><head><title>Log in to Wi-Fi</title></head><body></body></html>");
      server.serve("/announces.xml", "application/rss+xml", FEED.formatted("Old Show",
          "<itunes:new-feed-url>" + base + "/new.xml</itunes:new-feed-url>"));
      server.serve("/announces-bad.xml", "application/rss+xml", FEED.formatted("Old Show",
          "<itunes:new-feed-url>" + base + "/portal</itunes:new-feed-url>"));
      redirects.createContext("/", exchange -> {
        try (exchange) {
          String path = exchange.getRequestURI().getPath();
          int status = switch (path) {
            case "/moved-301", "/moved-to-portal" -> 301;
            case "/moved-308" -> 308;
            default -> 302;
          };
          String target = path.equals("/moved-to-portal") ? base + "/portal"
              : base + path.replace("/moved-", "/new-") + ".xml";
          exchange.getResponseHeaders().set("Location", target);
          exchange.sendResponseHeaders(status, -1);
        }
      });
      redirects.start();
      String other = "http://127.0.0.1:" + redirects.getAddress().getPort();
      Config config = Config.defaults().with(Map.of(Keys.DATA_DIR, dir.toString(),
          Keys.FETCH_ALLOW_PRIVATE_NETWORKS, "true"));
      try (App app = App.open(config, java.time.InstantSource.system())) {
        List<String> urls = List.of(other + "/moved-301", other + "/moved-308", other + "/moved-302",
            other + "/moved-to-portal", base + "/announces.xml", base + "/announces-bad.xml");
        for (String url : urls) app.feeds().add(url, Instant.EPOCH);
        app.poller().pollDue((done, total) -> {});

        assertThat(app.feeds().byUrl(other + "/moved-301")).as("301 to a feed: moved").isEmpty();
        assertThat(app.feeds().byUrl(other + "/moved-308")).as("308 to a feed: moved").isEmpty();
        assertThat(app.feeds().byUrl(other + "/moved-302")).as("302: stays").isPresent();
        assertThat(app.feeds().byUrl(other + "/moved-to-portal")).as("301 to an HTML page: stays").isPresent()
            .hasValueSatisfying(f -> assertThat(f.lastError()).hasValueSatisfying(e -> assertThat(e).contains("HTML")));
        assertThat(app.feeds().byUrl(base + "/announces.xml")).as("new-feed-url to a feed: moved").isEmpty();
        assertThat(app.feeds().byUrl(base + "/announces-bad.xml")).as("new-feed-url to a page: stays").isPresent();
        assertThat(app.feeds().all()).extracting(f -> f.url().replace(base, "").replace(other, ""))
            .containsExactlyInAnyOrder("/new-301.xml", "/new-308.xml", "/moved-302", "/moved-to-portal", "/new.xml",
                "/announces-bad.xml");
        assertThat(app.feeds().all()).hasSize(6);
      }
    } finally {
      redirects.stop(0);
    }
  }
}
