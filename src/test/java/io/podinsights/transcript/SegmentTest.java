package io.podinsights.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SegmentTest {
  @Test
  void end_before_start_is_clamped_and_blank_speaker_is_dropped() {
    Segment s = Segment.of(5, 3, "  ", "hello");
    assertThat(s.end()).isEqualTo(Duration.ofSeconds(5));
    assertThat(s.speaker()).isEmpty();
  }
}
