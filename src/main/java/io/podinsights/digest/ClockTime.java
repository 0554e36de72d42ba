package io.podinsights.digest;

import java.time.Duration;

/** Formats a moment in an episode the way players show it: 754 s is "12:34", 3723 s is "1:02:03". */
public final class ClockTime {

  private ClockTime() {}

  public static String format(Duration at) {
    long total = Math.max(0, at.toSeconds());
    long hours = total / 3600;
    long minutes = (total % 3600) / 60;
    long seconds = total % 60;
    return hours > 0
        ? String.format("%d:%02d:%02d", hours, minutes, seconds)
        : String.format("%d:%02d", minutes, seconds);
  }
}
