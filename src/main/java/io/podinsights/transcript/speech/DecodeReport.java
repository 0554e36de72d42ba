package io.podinsights.transcript.speech;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** What a decode produced: the stream info, how much audio came out, and warnings (e.g. a truncated file). */
public record DecodeReport(AudioInfo info, long samples, List<String> warnings) {
  public DecodeReport {
    Objects.requireNonNull(info, "speech: info");
    warnings = List.copyOf(warnings);
  }

  public Duration decoded() {
    return Duration.ofNanos(samples * 1_000_000_000L / AudioDecoder.SAMPLE_RATE);
  }

  public boolean truncated() {
    return warnings.stream().anyMatch(w -> w.contains("truncated"));
  }
}
