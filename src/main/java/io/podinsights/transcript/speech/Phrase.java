package io.podinsights.transcript.speech;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/** A timed piece of already-punctuated text, as whisper and transcription APIs return it (seconds in the episode). */
public record Phrase(@JsonProperty("start") double start, @JsonProperty("end") double end, @JsonProperty("text") String text) {
  public Phrase {
    Objects.requireNonNull(text, "speech: phrase text");
    if (start < 0) start = 0;
    if (end < start) end = start;
    text = text.strip();
  }

  public Phrase shifted(double seconds) {
    return new Phrase(start + seconds, end + seconds, text);
  }
}
