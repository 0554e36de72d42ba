package io.podinsights.cli;

import io.podinsights.App;
import io.podinsights.config.Keys;
import io.podinsights.storage.DigestStatus;
import io.podinsights.storage.FeedRow;
import io.podinsights.storage.FeedStatus;
import io.podinsights.storage.Stage;
import io.podinsights.storage.StageRow;
import io.podinsights.storage.StageStatus;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code podinsights status}: feeds with errors, work waiting and running, failed episodes, the last digest. */
@Command(name = "status", description = "Show feeds with errors, pending and running work, and the last digest.",
    mixinStandardHelpOptions = true)
final class StatusCommand implements Callable<Integer> {
  @Mixin AppOptions options;

  @Override
  public Integer call() {
    try (App app = options.open()) {
      List<FeedRow> feeds = app.feeds().all();
      long failing = feeds.stream().filter(f -> f.lastError().isPresent()).count();
      System.out.printf("Podcasts: %d followed, %d with errors.%n", feeds.size(), failing);
      for (FeedRow f : feeds) {
        if (f.lastError().isEmpty()) continue;
        System.out.printf("  ! %s%n    %s%n", f.title().isBlank() ? f.url() : f.title(),
            f.status() == FeedStatus.GONE ? f.lastError().get() : f.lastError().get());
      }
      System.out.printf("Episodes: %d stored, %d insights mined.%n", app.episodes().count(), app.insights().count());
      Map<Stage, Map<StageStatus, Integer>> counts = app.stages().counts();
      for (Stage stage : Stage.values()) {
        Map<StageStatus, Integer> c = counts.getOrDefault(stage, Map.of());
        System.out.printf("  %-11s %3d waiting, %3d running, %3d done, %3d to retry, %3d gave up%n",
            stage.name().toLowerCase(Locale.ROOT) + ":", c.getOrDefault(StageStatus.PENDING, 0),
            c.getOrDefault(StageStatus.RUNNING, 0), c.getOrDefault(StageStatus.DONE, 0),
            c.getOrDefault(StageStatus.FAILED, 0), c.getOrDefault(StageStatus.ABANDONED, 0));
      }
      List<StageRow> running = app.stages().running();
      if (!running.isEmpty()) System.out.println("Running now:");
      for (StageRow r : running) {
        System.out.printf("  %s — %s (%s)%s%n", r.showTitle(), r.episodeTitle(),
            r.stage().name().toLowerCase(Locale.ROOT), TranscriptionStatus.describe(app, r));
      }
      List<StageRow> problems = app.stages().problems(20);
      if (!problems.isEmpty()) System.out.println("Problems:");
      for (StageRow r : problems) {
        System.out.printf("  %s %s — %s%n    %s%n", r.status() == StageStatus.ABANDONED ? "✗" : "↻", r.showTitle(),
            r.episodeTitle(), r.lastError().orElse("") + (r.status() == StageStatus.FAILED
                ? " (next try " + r.nextAttemptAt() + ")" : ""));
      }
      String recipient = app.recipient();
      app.digests().lastPeriod(recipient).flatMap(p -> app.digests().find(recipient, p)).ifPresentOrElse(
          d -> System.out.printf("Last digest: %s for %s, %s%s.%n", d.period(), d.recipient(),
              d.recipient().equals("local") && d.status() == DigestStatus.SENT
                  ? "saved in " + app.config().dataDir().resolve("digests")
                  : d.status().name().toLowerCase(Locale.ROOT),
              d.lastError().map(e -> " (" + e + ")").orElse("")),
          () -> System.out.println("No digest yet; the next one is built at " + app.config().get(Keys.DIGEST_TIME)
              + " (" + app.config().get(Keys.DIGEST_ZONE) + ")."));
      return 0;
    }
  }
}
