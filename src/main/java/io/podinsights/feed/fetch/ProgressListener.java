package io.podinsights.feed.fetch;

import java.util.OptionalLong;

/** Told how far a download got, so a progress bar can be drawn; called on the downloading thread. */
@FunctionalInterface
public interface ProgressListener {
  /** {@code done} bytes are on disk out of {@code total} when the server said how many. */
  void progress(long done, OptionalLong total);

  static ProgressListener none() {
    return (done, total) -> {};
  }
}
