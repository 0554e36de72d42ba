package io.podinsights.transcript.format;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads clock-style times ("01:02:03.456", "02:03,4", "1:42", "00:01:39") into durations; never negative. */
final class Timecodes {
  /** Hours optional; the fraction is decimal (",04" is 40 ms, as astisub and TTML read it), "." or ",". */
  static final String PATTERN = "(?:(\\d{1,3}):)?(\\d{1,3}):(\\d{1,2})(?:[.,](\\d{1,9}))?";

  private static final Pattern WHOLE = Pattern.compile("\\s*" + PATTERN + "\\s*");

  private Timecodes() {}

  /** Parses a whole string as a time code; empty when it is not one. */
  static Optional<Duration> parse(String text) {
    Matcher m = WHOLE.matcher(text);
    return m.matches() ? of(m, 1) : Optional.empty();
  }

  /** Reads the four groups of {@link #PATTERN} starting at {@code firstGroup}; empty when seconds or minutes overflow. */
  static Optional<Duration> of(Matcher m, int firstGroup) {
    String h = m.group(firstGroup);
    long minutes = Long.parseLong(m.group(firstGroup + 1));
    long seconds = Long.parseLong(m.group(firstGroup + 2));
    if (seconds >= 60 || (h != null && minutes >= 60)) return Optional.empty();
    long hours = h == null ? 0 : Long.parseLong(h);
    String frac = m.group(firstGroup + 3);
    long nanos = 0;
    if (frac != null) nanos = Long.parseLong((frac + "000000000").substring(0, 9));
    return Optional.of(Duration.ofHours(hours).plusMinutes(minutes).plusSeconds(seconds).plusNanos(nanos));
  }

  /** A number of seconds (negative becomes zero); empty for NaN and infinities. */
  static Optional<Duration> ofSeconds(double seconds) {
    if (Double.isNaN(seconds) || Double.isInfinite(seconds)) return Optional.empty();
    return Optional.of(Duration.ofNanos(Math.round(Math.max(0, seconds) * 1_000_000_000d)));
  }
}
