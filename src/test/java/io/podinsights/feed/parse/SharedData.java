package io.podinsights.feed.parse;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shared third-party test data ({@code ../shared/data}) and skips the test with a message when absent. */
final class SharedData {
  private SharedData() {}

  static Path dir(String relative) {
    Path p = Path.of("..", "shared", "data").resolve(relative);
    assumeTrue(Files.isDirectory(p), "shared data not found at " + p.toAbsolutePath() + "; skipping");
    return p;
  }
}
