package io.podinsights.transcript;

/** Where a transcript came from: the publisher's own file, or our speech-to-text. Shown to users as provenance. */
public sealed interface TranscriptSource {

  /** A transcript the publisher linked from the feed. */
  record Published(String url, TranscriptFormat format) implements TranscriptSource {}

  /** A machine transcript made by one of our speech-to-text engines. */
  record Transcribed(String engine, String model) implements TranscriptSource {}

  /** A transcript read from a local file (CLI inspection and evaluation). */
  record Local(String path, TranscriptFormat format) implements TranscriptSource {}

  default String describe() {
    return switch (this) {
      case Published p -> "publisher transcript";
      case Transcribed t -> "machine transcript, " + t.engine();
      case Local l -> "file " + l.path();
    };
  }
}
