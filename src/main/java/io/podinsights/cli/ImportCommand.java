package io.podinsights.cli;

import io.podinsights.App;
import io.podinsights.feed.opml.Opml;
import io.podinsights.feed.parse.FeedParseException;
import io.podinsights.feed.opml.OpmlFeed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code podinsights import FILE.opml}: follow every podcast of an OPML export from another app. */
@Command(name = "import", description = "Follow every podcast listed in an OPML file (from another podcast app).",
    mixinStandardHelpOptions = true)
final class ImportCommand implements Callable<Integer> {
  @Mixin AppOptions options;

  @Parameters(paramLabel = "FILE", description = "The OPML file.")
  Path file;

  @Override
  public Integer call() throws IOException {
    if (!Files.isRegularFile(file)) {
      System.err.println("import: no such file: " + file);
      return 1;
    }
    List<OpmlFeed> listed;
    try {
      listed = Opml.read(Files.readAllBytes(file));
    } catch (FeedParseException e) {
      System.err.println("import: " + file + " is not an OPML file we can read: " + e.getMessage());
      return 1;
    }
    try (App app = options.open()) {
      int added = 0;
      int skipped = 0;
      for (OpmlFeed feed : listed) {
        String url = feed.url().strip();
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
          System.err.println("import: skipped '" + url + "' (" + feed.title() + "): not an http(s) URL");
          skipped++;
          continue;
        }
        if (app.feeds().add(url, app.clock().instant()).state()
            == io.podinsights.storage.FeedRepository.SubscriptionState.NEW) {
          added++;
        }
      }
      System.out.printf("Imported %d podcasts from %s (%d already followed, %d skipped).%n", added, file,
          listed.size() - added - skipped, skipped);
      System.out.println("Run 'podinsights scan' to fetch them; feeds that fail are listed by 'podinsights status'.");
      return 0;
    }
  }
}
