package io.podinsights.transcript.speech;

/** A classified speech-to-text failure; the message starts with "speech:" and says what to do. */
public final class SpeechException extends RuntimeException {

  /** What went wrong, so callers can decide whether a retry can help. */
  public enum Kind {
    /** The file is empty. */
    EMPTY,
    /** The file is not audio (an HTML page, a feed, JSON...). */
    NOT_AUDIO,
    /** The file is audio in a codec our ffmpeg cannot decode, or has no audio stream. */
    UNSUPPORTED_CODEC,
    /** ffmpeg could not read the file at all. */
    UNREADABLE,
    /** The speech model is missing, damaged or cannot be loaded. */
    MODEL,
    /** The work directory cannot be written (read-only, full disk). */
    STORAGE,
    /** The engine itself failed (native error, remote API error). */
    ENGINE;

    /** Whether trying the same file again later could succeed. */
    public boolean retryable() {
      return switch (this) {
        case EMPTY, NOT_AUDIO, UNSUPPORTED_CODEC, UNREADABLE, MODEL -> false;
        case STORAGE, ENGINE -> true;
      };
    }
  }

  private final Kind kind;

  public SpeechException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public SpeechException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
