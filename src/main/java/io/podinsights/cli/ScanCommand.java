package io.podinsights.cli;

import io.podinsights.App;
import io.podinsights.pipeline.FeedReport;
import io.podinsights.pipeline.PollReport;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code podinsights scan}: poll every podcast now (cheap: unchanged feeds answer 304). */
@Command(name = "scan", description = "Check every podcast for new episodes now.", mixinStandardHelpOptions = true)
final class ScanCommand implements Callable<Integer> {
  @Mixin AppOptions options;

  @Override
  public Integer call() {
    try (App app = options.open()) {
      app.feeds().makeAllDue(app.clock().instant());
      PollReport report = scan(app);
      return report.feeds().isEmpty() || report.count(FeedReport.Kind.FAILED) < report.feeds().size() ? 0 : 1;
    }
  }

  static PollReport scan(App app) {
    PollReport report;
    try (Progress progress = Progress.start("Scanning", 0, "feeds")) {
      report = app.poller().pollDue(progress::set);
    }
    if (report.feeds().isEmpty()) {
      System.out.println("No podcasts to scan. Add one with: podinsights add URL");
      return report;
    }
    System.out.printf("Scanned %d podcasts: %d updated, %d unchanged, %d failed; %d new episodes queued.%n",
        report.feeds().size(), report.count(FeedReport.Kind.FETCHED), report.count(FeedReport.Kind.NOT_MODIFIED),
        report.count(FeedReport.Kind.FAILED) + report.count(FeedReport.Kind.GONE), report.newEpisodes());
    report.feeds().stream()
        .filter(f -> f.kind() == FeedReport.Kind.FAILED || f.kind() == FeedReport.Kind.GONE)
        .forEach(f -> System.out.println("  ! " + f.note().orElse(f.url())));
    return report;
  }
}
