package io.podinsights.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar on the terminal for long work; silent when output is not a terminal (scripts, CI). */
final class Progress implements AutoCloseable {
  private final ProgressBar bar;

  private Progress(ProgressBar bar) {
    this.bar = bar;
  }

  static Progress start(String task, long total, String unit) {
    if (System.console() == null) return new Progress(null);
    return new Progress(new ProgressBarBuilder()
        .setTaskName(task)
        .setInitialMax(total)
        .setUnit(" " + unit, 1)
        .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
        .setUpdateIntervalMillis(200)
        .continuousUpdate()
        .build());
  }

  void set(long done, long total) {
    if (bar == null) return;
    bar.maxHint(total);
    bar.stepTo(done);
  }

  void message(String extra) {
    if (bar != null) bar.setExtraMessage(extra);
  }

  @Override
  public void close() {
    if (bar != null) bar.close();
  }
}
