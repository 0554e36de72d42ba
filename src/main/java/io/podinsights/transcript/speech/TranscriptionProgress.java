package io.podinsights.transcript.speech;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How far a transcription is: audio seconds done of the total (when known), wall time spent, and its state. Written
 * to {@code progress.json} in the episode's work directory so {@code podinsights status} can show running work.
 */
public record TranscriptionProgress(
    @JsonProperty("state") State state,
    @JsonProperty("doneSeconds") double doneSeconds,
    @JsonProperty("totalSeconds") double totalSeconds,
    @JsonProperty("elapsedSeconds") double elapsedSeconds,
    @JsonProperty("updatedAtMillis") long updatedAtMillis,
    @JsonProperty("engine") String engine) {

  /** Where the transcription stands. */
  public enum State { RUNNING, DONE, FAILED }

  public TranscriptionProgress {
    Objects.requireNonNull(state, "speech: progress state");
    Objects.requireNonNull(engine, "speech: progress engine");
    if (doneSeconds < 0 || totalSeconds < 0 || elapsedSeconds < 0) throw new IllegalArgumentException("speech: negative progress");
  }

  @JsonIgnore
  public Instant updatedAt() {
    return Instant.ofEpochMilli(updatedAtMillis);
  }

  @JsonIgnore
  public Duration done() {
    return Duration.ofMillis(Math.round(doneSeconds * 1000));
  }

  /** The audio length, when the container declared it or decoding has finished. */
  @JsonIgnore
  public Optional<Duration> total() {
    return totalSeconds > 0 ? Optional.of(Duration.ofMillis(Math.round(totalSeconds * 1000))) : Optional.empty();
  }

  /** Audio seconds recognised per wall-clock second (e.g. 15 = 15× real time); 0 before any work. */
  @JsonIgnore
  public double speed() {
    return elapsedSeconds > 0 ? doneSeconds / elapsedSeconds : 0;
  }

  /** Done as a fraction of the total, 0..1 (0 while the total is unknown). */
  @JsonIgnore
  public double fraction() {
    return totalSeconds > 0 ? Math.min(1, doneSeconds / totalSeconds) : 0;
  }
}
