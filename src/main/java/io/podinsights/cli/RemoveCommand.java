package io.podinsights.cli;

import io.podinsights.App;
import io.podinsights.storage.FeedRow;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code podinsights remove ID|URL}: stop following a podcast. */
@Command(name = "remove", description = "Stop following a podcast (by the id 'list' shows, or its URL).",
    mixinStandardHelpOptions = true)
final class RemoveCommand implements Callable<Integer> {
  @Mixin AppOptions options;

  @Parameters(paramLabel = "ID|URL", description = "The podcast to remove.")
  String which;

  @Override
  public Integer call() {
    try (App app = options.open()) {
      Optional<FeedRow> feed = which.matches("\\d+")
          ? app.feeds().byId(Long.parseLong(which))
          : app.feeds().byUrl(which);
      if (feed.isEmpty()) {
        System.err.println("remove: you don't follow '" + which + "' (see 'podinsights list')");
        return 1;
      }
      app.feeds().remove(feed.get().id());
      System.out.println("Removed " + (feed.get().title().isBlank() ? feed.get().url() : feed.get().title()) + ".");
      return 0;
    }
  }
}
