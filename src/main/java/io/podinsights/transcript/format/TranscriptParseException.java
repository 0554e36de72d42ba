package io.podinsights.transcript.format;

import java.util.Objects;

/** A transcript file that could not be read, with the kind of problem so callers can tell "empty" from "broken". */
public final class TranscriptParseException extends Exception {

  /** What went wrong, from the caller's point of view. */
  public enum Problem {
    /** The file has no bytes, or only whitespace. */
    EMPTY,
    /** The content is not in the format it was read as (no WEBVTT signature, not JSON, no segments array). */
    WRONG_FORMAT,
    /** The format is right but nothing usable could be recovered from it (no cue has a valid time line). */
    MALFORMED,
    /** Cues were found but none has any text. */
    NO_TEXT
  }

  private final Problem problem;

  public TranscriptParseException(Problem problem, String message) {
    super(message.startsWith("transcript:") ? message : "transcript: " + message);
    this.problem = Objects.requireNonNull(problem, "transcript: problem");
  }

  public Problem problem() {
    return problem;
  }
}
