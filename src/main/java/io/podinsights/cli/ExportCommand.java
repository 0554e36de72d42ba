package io.podinsights.cli;

import io.podinsights.App;
import io.podinsights.feed.opml.Opml;
import io.podinsights.feed.opml.OpmlFeed;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code podinsights export}: the podcasts you follow as OPML, for another app. */
@Command(name = "export", description = "Write the podcasts you follow as OPML (to standard output or a file).",
    mixinStandardHelpOptions = true)
final class ExportCommand implements Callable<Integer> {
  @Mixin AppOptions options;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
  Path output;

  @Override
  public Integer call() throws IOException {
    try (App app = options.open()) {
      List<OpmlFeed> feeds = app.feeds().all().stream()
          .map(f -> new OpmlFeed(f.url(), f.title().isBlank() ? f.url() : f.title()))
          .toList();
      String opml = Opml.write(feeds, "podinsights subscriptions");
      if (output == null) {
        System.out.print(opml);
      } else {
        Files.writeString(output, opml, StandardCharsets.UTF_8);
        System.err.println("Exported " + feeds.size() + " podcasts to " + output + ".");
      }
      return 0;
    }
  }
}
