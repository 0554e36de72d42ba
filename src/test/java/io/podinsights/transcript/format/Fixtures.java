package io.podinsights.transcript.format;

import io.podinsights.transcript.TranscriptFormat;
import io.podinsights.transcript.TranscriptSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the hand-written fixtures under src/test/resources/transcript/format. */
final class Fixtures {
  private Fixtures() {}

  static byte[] bytes(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/transcript/format/" + name)) {
      if (in == null) throw new IllegalStateException("missing fixture " + name);
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(String name) {
    return new String(bytes(name), StandardCharsets.UTF_8);
  }

  static TranscriptSource local(String name, TranscriptFormat format) {
    return new TranscriptSource.Local(name, format);
  }
}
