package io.podinsights.jobs;

import java.time.Duration;
import java.util.Objects;

/** A recurring job: its natural name (also its task id), how long to wait between runs, and the work. */
public record Job(String name, Duration every, Runnable work) {
  public Job {
    if (name == null || !name.matches("[a-z][a-z-]*")) throw new IllegalArgumentException("jobs: bad name " + name);
    if (every.isNegative() || every.isZero()) throw new IllegalArgumentException("jobs: " + name + ": bad interval");
    Objects.requireNonNull(work, "jobs: work");
  }
}
