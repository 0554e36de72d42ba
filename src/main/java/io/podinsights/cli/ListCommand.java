package io.podinsights.cli;

import io.podinsights.App;
import io.podinsights.storage.FeedRow;
import io.podinsights.storage.FeedStatus;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code podinsights list}: the podcasts you follow, with their state. */
@Command(name = "list", description = "List the podcasts you follow.", mixinStandardHelpOptions = true)
final class ListCommand implements Callable<Integer> {
  @Mixin AppOptions options;

  @Override
  public Integer call() {
    try (App app = options.open()) {
      List<FeedRow> feeds = app.feeds().all();
      if (feeds.isEmpty()) {
        System.out.println("You follow no podcasts yet. Add one with: podinsights add URL");
        return 0;
      }
      for (FeedRow f : feeds) {
        String title = f.title().isBlank() ? "(not fetched yet)" : f.title();
        String state = f.status() == FeedStatus.GONE ? "gone (410): no longer polled"
            : f.lastError().map(e -> "failing (" + f.consecutiveFailures() + "x): " + e).orElse("ok");
        System.out.printf("%4d  %s%n      %s%n      %s%n", f.id(), title, f.url(), state);
      }
      return 0;
    }
  }
}
