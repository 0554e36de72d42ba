package io.podinsights.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ClockTimeTest {
  @Test
  void formats_minutes_and_seconds_under_an_hour() {
    assertThat(ClockTime.format(Duration.ofSeconds(754))).isEqualTo("12:34");
    assertThat(ClockTime.format(Duration.ofSeconds(59))).isEqualTo("0:59");
    assertThat(ClockTime.format(Duration.ZERO)).isEqualTo("0:00");
    assertThat(ClockTime.format(Duration.ofMillis(754_999))).isEqualTo("12:34");
  }

  @Test
  void formats_hours_with_padded_minutes_and_seconds() {
    assertThat(ClockTime.format(Duration.ofSeconds(3723))).isEqualTo("1:02:03");
    assertThat(ClockTime.format(Duration.ofSeconds(3600))).isEqualTo("1:00:00");
    assertThat(ClockTime.format(Duration.ofSeconds(36000 + 59))).isEqualTo("10:00:59");
  }
}
