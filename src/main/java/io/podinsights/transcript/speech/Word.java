package io.podinsights.transcript.speech;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/** One recognised word with its time in the episode (seconds) and the engine's confidence (0..1). */
public record Word(
    @JsonProperty("start") double start,
    @JsonProperty("end") double end,
    @JsonProperty("text") String text,
    @JsonProperty("conf") double confidence) {
  public Word {
    Objects.requireNonNull(text, "speech: word text");
    if (start < 0) throw new IllegalArgumentException("speech: negative word start " + start);
    if (end < start) end = start;
  }

  public Word shifted(double seconds) {
    return new Word(start + seconds, end + seconds, text, confidence);
  }
}
