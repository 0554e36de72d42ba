package io.podinsights.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar on standard error for long work; silent when not on a terminal (scripts, CI). */
final class Progress implements AutoCloseable {
  private ProgressBar bar;

  private Progress(ProgressBar bar) {
    this.bar = bar;
  }

  /** A progress bar that draws nothing (asked for quiet). */
  static Progress none() {
    return new Progress(null);
  }

  static Progress start(String task, long total, String unit) {
    if (System.console() == null) return none();
    return new Progress(new ProgressBarBuilder()
        .setTaskName(task)
        .setInitialMax(total)
        .setUnit(" " + unit, 1)
        .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
        .setConsumer(new ConsoleProgressBarConsumer(System.err))
        .setUpdateIntervalMillis(200)
        .continuousUpdate()
        .build());
  }

  synchronized void set(long done, long total) {
    if (bar == null) return;
    bar.maxHint(total);
    bar.stepTo(done);
  }

  synchronized void message(String extra) {
    if (bar != null) bar.setExtraMessage(extra);
  }

  @Override
  public synchronized void close() {
    if (bar != null) bar.close();
    bar = null;
  }
}
