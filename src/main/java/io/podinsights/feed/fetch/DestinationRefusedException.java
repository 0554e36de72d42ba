package io.podinsights.feed.fetch;

import java.io.IOException;

/** Thrown inside the connection path when the guard refuses a destination; becomes a {@code REFUSED} FetchError. */
final class DestinationRefusedException extends IOException {
  DestinationRefusedException(String reason) {
    super(reason);
  }
}
