package io.podinsights.transcript.format;

import java.util.Objects;
import java.util.Optional;

/** What fetching a transcript link gave: the bytes with the served Content-Type, or the reason there are none. */
public sealed interface FetchedBody {

  /** The server answered with a body; {@code contentType} is the served header when there was one. */
  record Fetched(byte[] body, Optional<String> contentType) implements FetchedBody {
    public Fetched {
      Objects.requireNonNull(body, "transcript: body");
      Objects.requireNonNull(contentType, "transcript: content type");
    }
  }

  /** No usable body, said for a person: "answered 404 Not Found", "refused: private address". */
  record Failed(String reason) implements FetchedBody {
    public Failed {
      if (reason == null || reason.isBlank()) throw new IllegalArgumentException("transcript: empty fetch failure reason");
    }
  }
}
