package io.podinsights.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.podinsights.storage.Dialect;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link Job}s on db-scheduler. A job that throws is logged and runs again at its next time; a process that
 * dies mid-run has its run picked up by another live process once its heartbeats stop.
 */
public final class BackgroundJobs {
  private static final Logger LOG = LoggerFactory.getLogger(BackgroundJobs.class);

  private BackgroundJobs() {}

  /** The db-scheduler tasks for {@code jobs}, each running its work with failures logged and contained. */
  public static List<RecurringTask<Void>> tasks(List<Job> jobs) {
    return jobs.stream().map(job -> Tasks.recurring(job.name(), FixedDelay.of(job.every()))
        .execute((instance, context) -> run(job))).toList();
  }

  /** Starts a scheduler that runs {@code jobs}; the caller stops it with {@link Scheduler#stop()} (on shutdown). */
  public static Scheduler start(DataSource dataSource, Dialect dialect, List<Job> jobs, int threads) {
    SchedulerBuilder builder = Scheduler.create(dataSource)
        .startTasks(tasks(jobs))
        .threads(threads)
        .pollingInterval(Duration.ofSeconds(5))
        .heartbeatInterval(Duration.ofSeconds(30))
        .missedHeartbeatsLimit(6)
        .shutdownMaxWait(Duration.ofSeconds(30));
    if (dialect == Dialect.POSTGRESQL) builder = builder.pollUsingLockAndFetch(0.5, 1.0);
    Scheduler scheduler = builder.build();
    scheduler.start();
    return scheduler;
  }

  static void run(Job job) {
    long started = System.nanoTime();
    try {
      job.work().run();
      LOG.info("job={} status=ok millis={}", job.name(), (System.nanoTime() - started) / 1_000_000);
    } catch (RuntimeException e) {
      LOG.warn("job={} status=failed error=\"{}\"", job.name(), e.getMessage(), e);
    }
  }
}
