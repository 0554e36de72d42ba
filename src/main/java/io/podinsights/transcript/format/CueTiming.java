package io.podinsights.transcript.format;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The time line of a caption: "start --> end [settings]" (WebVTT, SRT) or YouTube SBV's "start,end". */
record CueTiming(Duration start, Duration end) {
  private static final Pattern ARROW = Pattern.compile(
      "\\s*" + Timecodes.PATTERN + "[ \\t]*-->[ \\t]*" + Timecodes.PATTERN + "(?:[ \\t].*)?");
  private static final Pattern SBV = Pattern.compile("\\s*" + Timecodes.PATTERN + "," + Timecodes.PATTERN + "\\s*");

  /** A "start --> end" line, cue settings or SRT coordinates after it ignored; empty when it is not one. */
  static Optional<CueTiming> arrow(String line) {
    if (!line.contains("-->")) return Optional.empty();
    return read(ARROW.matcher(line));
  }

  /** An arrow line, or an SBV "0:00:00.378,0:00:11.378" line. */
  static Optional<CueTiming> arrowOrSbv(String line) {
    if (line.contains("-->")) return arrow(line);
    String s = line.stripLeading();
    return s.isEmpty() || !Character.isDigit(s.charAt(0)) || s.indexOf(',') < 0 ? Optional.empty() : read(SBV.matcher(line));
  }

  private static Optional<CueTiming> read(Matcher m) {
    if (!m.matches()) return Optional.empty();
    Optional<Duration> start = Timecodes.of(m, 1);
    Optional<Duration> end = Timecodes.of(m, 5);
    if (start.isEmpty() || end.isEmpty()) return Optional.empty();
    return Optional.of(new CueTiming(start.get(), end.get()));
  }
}
