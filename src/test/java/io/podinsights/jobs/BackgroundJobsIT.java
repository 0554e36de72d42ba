package io.podinsights.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.testhelper.ManualScheduler;
import com.github.kagkarlsson.scheduler.testhelper.SettableClock;
import com.github.kagkarlsson.scheduler.testhelper.TestHelper;
import io.podinsights.storage.Dialect;
import io.podinsights.storage.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Recurring jobs run on db-scheduler against both databases, driven by hand with a settable clock. */
class BackgroundJobsIT {

  @ParameterizedTest
  @MethodSource("io.podinsights.storage.TestDatabases#dialects")
  void recurring_jobs_run_when_due_and_a_failing_run_does_not_stop_the_schedule(Dialect dialect) {
    try (var fresh = TestDatabases.open(dialect)) {
      AtomicInteger polls = new AtomicInteger();
      AtomicInteger digests = new AtomicInteger();
      List<Job> jobs = List.of(
          new Job("poll-feeds", Duration.ofMinutes(1), polls::incrementAndGet),
          new Job("send-digests", Duration.ofMinutes(5), () -> {
            digests.incrementAndGet();
            throw new IllegalStateException("smtp: server down");
          }));
      SettableClock clock = new SettableClock();
      clock.set(Instant.parse("2026-11-23T07:00:00Z"));
      ManualScheduler scheduler = TestHelper.createManualScheduler(fresh.db().dataSource(), new ArrayList<>())
          .clock(clock)
          .startTasks(BackgroundJobs.tasks(jobs))
          .build();
      scheduler.start();
      scheduler.runAnyDueExecutions();
      assertThat(polls).hasValue(1);
      assertThat(digests).hasValue(1);

      scheduler.tick(Duration.ofMinutes(1));
      scheduler.runAnyDueExecutions();
      assertThat(polls).hasValue(2);
      assertThat(digests).hasValue(1);

      scheduler.tick(Duration.ofMinutes(5));
      scheduler.runAnyDueExecutions();
      assertThat(polls).hasValue(3);
      assertThat(digests).hasValue(2);
      scheduler.stop();
    }
  }
}
