package io.podinsights.feed.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Date, duration and update-frequency readers on the odd forms feeds use. */
class DatesTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Tue, 10 Jun 2003 04:00:00 GMT        | 2003-06-10T04:00:00Z",
      "Tue, 10 Jun 2003 04:00:00 +0000      | 2003-06-10T04:00:00Z",
      "Tue, 10 Jun 2003 04:00:00 -07:00     | 2003-06-10T11:00:00Z",
      "Tue, 10 Jun 2003 04:00:00 UT         | 2003-06-10T04:00:00Z",
      "Tue, 10 Jun 2003 04:00:00 CEST       | 2003-06-10T02:00:00Z",
      "Tue, 10 Jun 2003 04:00:00            | 2003-06-10T04:00:00Z",
      "Tue,10 Jun 2003 04:00:00 GMT         | 2003-06-10T04:00:00Z",
      "Thurs, 10 June 2003 4:00 PST         | 2003-06-10T12:00:00Z",
      "10 Jun 2003                          | 2003-06-10T00:00:00Z",
      "01 Jan 70 01:00:00 +0100             | 1970-01-01T00:00:00Z",
      "Sat, 07 Sep 02 00:00:01 GMT          | 2002-09-07T00:00:01Z",
      "10-Jun-2003 04:00:00 GMT             | 2003-06-10T04:00:00Z",
      "Tue, 10 Jun 2003 04:00:00 GMT+01:00  | 2003-06-10T03:00:00Z",
      "2003-06-10T04:00:00Z                 | 2003-06-10T04:00:00Z",
      "2003-06-10T04:00:00.250+02:00        | 2003-06-10T02:00:00.250Z",
      "2003-06-10T04:00:00+0200             | 2003-06-10T02:00:00Z",
      "2003-06-10T04:00                     | 2003-06-10T04:00:00Z",
      "2003-06-10                           | 2003-06-10T00:00:00Z",
      "2003-06-10 04:00:00 UTC              | 2003-06-10T04:00:00Z"})
  void reads_rfc822_and_iso8601_variants(String raw, String expected) {
    assertThat(Dates.parse(raw)).contains(Instant.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "yesterday", "2003-13-45", "32 Jun 2003", "Tue, 10 Foo 2003 04:00:00 GMT", "12345678901234567890"})
  void returns_empty_for_garbage(String raw) {
    assertThat(Dates.parse(raw)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "1:02:03 | 3723000", "3723 | 3723000", "62:03 | 3723000", "3723.5 | 3723500", "1:2:3 | 3723000",
      "' 00:45 ' | 45000", "01:00:00 | 3600000"})
  void reads_durations(String raw, long millis) {
    assertThat(Durations.parse(raw)).contains(Duration.ofMillis(millis));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "garbage", "1:2:3:4", "-5", "0", "1h 2m", "::", "99999999999"})
  void returns_no_duration_for_garbage(String raw) {
    assertThat(Durations.parse(raw)).isEmpty();
  }

  @Test
  void reads_rrule_frequencies() {
    assertThat(PodcastHandler.frequency("FREQ=DAILY")).contains(Duration.ofDays(1));
    assertThat(PodcastHandler.frequency("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO")).contains(Duration.ofDays(14));
    assertThat(PodcastHandler.frequency("nonsense")).isEmpty();
  }
}
