package io.podinsights.cli;

import io.podinsights.App;
import io.podinsights.config.Config;
import io.podinsights.config.Keys;
import io.podinsights.feed.fetch.AllowedEndpoint;
import io.podinsights.pipeline.FeedReport;
import io.podinsights.storage.FeedRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code podinsights demo}: the whole pipeline, offline, on a built-in podcast served from loopback: fetch, parse,
 * publisher transcripts in four formats, insight mining, and today's digest in the terminal and as HTML.
 */
@Command(name = "demo", description = {
    "Run the whole pipeline offline on a built-in podcast and show today's top 5.",
    "The demo podcast (\"The Long Game\") is served on loopback: fetch → parse → transcripts → insights → digest.",
    "Uses DATA/demo, fresh each run; your own data is not touched."},
    mixinStandardHelpOptions = true)
final class DemoCommand implements Callable<Integer> {
  @Mixin AppOptions options;

  @Override
  public Integer call() throws IOException {
    Config base = options.config();
    Path dir = base.dataDir().resolve("demo");
    deleteTree(dir);
    Config config = base.with(Map.of(
        Keys.DATA_DIR, dir.toString(),
        Keys.DATABASE_URL, "",
        Keys.PIPELINE_BACKFILL, "100",
        Keys.DIGEST_RECIPIENT, "",
        Keys.SMTP_HOST, ""));
    try (DemoPodcastServer server = DemoPodcastServer.start();
        App app = App.open(config, InstantSource.system(),
            List.of(AllowedEndpoint.loopback(server.base().getPort())))) {
      System.out.println("▶ Demo podcast served at " + server.feed() + " (loopback only; nothing leaves this machine)");
      System.out.println("▶ Data in " + dir);
      System.out.println();
      System.out.println("1. Subscribe and fetch the feed");
      long feedId = app.feeds().add(server.feed().toString(), app.clock().instant()).feedId();
      FeedRow row = app.feeds().byId(feedId).orElseThrow();
      FeedReport report = app.poller().poll(row);
      if (report.kind() != FeedReport.Kind.FETCHED) {
        System.err.println(report.note().orElse("demo: the demo feed could not be read"));
        return 1;
      }
      FeedRow saved = app.feeds().byId(feedId).orElseThrow();
      System.out.printf("   %s: %d episodes queued%n%n", saved.title(), report.newEpisodes());
      System.out.println("2. Transcripts (publisher JSON, VTT, SRT with a dead first link, plain text), then insights");
      ProcessCommand.process(app);
      System.out.println();
      System.out.println("3. Today's digest");
      System.out.println();
      return DigestCommand.run(app, Optional.empty(), false);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }
}
