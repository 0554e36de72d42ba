package io.podinsights.feed.fetch;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/** Parses the header values the fetcher acts on: Retry-After, Cache-Control max-age, Expires (pure functions). */
public final class ResponseHeaders {
  private static final DateTimeFormatter ASCTIME = DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy", Locale.US)
      .withZone(java.time.ZoneOffset.UTC);
  private static final DateTimeFormatter RFC850 = DateTimeFormatter.ofPattern("EEEE, dd-MMM-yy HH:mm:ss zzz", Locale.US);

  private ResponseHeaders() {}

  /** Retry-After as a delay from {@code now}: delta-seconds or an HTTP-date; garbage or a past date gives empty. */
  public static Optional<Duration> retryAfter(Optional<String> value, Instant now) {
    if (value.isEmpty()) return Optional.empty();
    String v = value.get().trim();
    if (v.matches("[0-9]{1,10}")) return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
    return httpDate(v).map(at -> Duration.between(now, at)).filter(d -> !d.isNegative() && !d.isZero());
  }

  /** {@code max-age} (or {@code s-maxage}) from a Cache-Control value. */
  public static Optional<Duration> maxAge(Optional<String> cacheControl) {
    if (cacheControl.isEmpty()) return Optional.empty();
    for (String directive : cacheControl.get().split(",")) {
      String d = directive.trim().toLowerCase(Locale.ROOT);
      int eq = d.indexOf('=');
      if (eq < 0) continue;
      String name = d.substring(0, eq).trim();
      String val = d.substring(eq + 1).trim().replace("\"", "");
      if ((name.equals("max-age") || name.equals("s-maxage")) && val.matches("[0-9]{1,10}")) {
        return Optional.of(Duration.ofSeconds(Long.parseLong(val)));
      }
    }
    return Optional.empty();
  }

  /** An HTTP-date in any of the three RFC 9110 formats. */
  public static Optional<Instant> httpDate(String value) {
    String v = value.trim();
    for (DateTimeFormatter f : new DateTimeFormatter[] {DateTimeFormatter.RFC_1123_DATE_TIME, RFC850, ASCTIME}) {
      try {
        return Optional.of(ZonedDateTime.parse(v, f).toInstant());
      } catch (DateTimeParseException e) {
        // try the next format
      }
    }
    return Optional.empty();
  }
}
