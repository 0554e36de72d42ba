package io.podinsights.cli;

import com.github.kagkarlsson.scheduler.Scheduler;
import io.podinsights.App;
import io.podinsights.config.Keys;
import io.podinsights.jobs.BackgroundJobs;
import io.podinsights.jobs.Job;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code podinsights run}: the long-running service: polls feeds, processes episodes, delivers the daily digest. */
@Command(name = "run", description = {
    "Keep running: poll feeds, process new episodes, deliver the daily digest.",
    "The digest goes out at digest.time in digest.zone.",
    "Start several on one PostgreSQL database to share the work across machines."},
    mixinStandardHelpOptions = true)
final class RunCommand implements Callable<Integer> {
  @Mixin AppOptions options;

  @Override
  public Integer call() throws InterruptedException {
    try (App app = options.open()) {
      List<Job> jobs = jobs(app);
      Scheduler scheduler = BackgroundJobs.start(app.db().dataSource(), app.db().dialect(), jobs, 3);
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        scheduler.stop();
        stopped.countDown();
      }));
      System.out.printf("podinsights is running (data in %s; digest daily at %s %s). Stop with Ctrl-C.%n",
          app.config().dataDir(), app.config().get(Keys.DIGEST_TIME), app.config().get(Keys.DIGEST_ZONE));
      stopped.await();
      return 0;
    }
  }

  /** The recurring work of a running podinsights: poll, process, digest. */
  static List<Job> jobs(App app) {
    return List.of(
        new Job("poll-feeds", Duration.ofMinutes(5), () -> app.poller().pollDue((done, total) -> {})),
        new Job("process-episodes", Duration.ofMinutes(1), () -> app.processor().processDue(event -> {})),
        new Job("deliver-digests", Duration.ofMinutes(5), () -> app.digestService().runDue()));
  }
}
