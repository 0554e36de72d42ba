package io.podinsights.feed.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every input of the other peer suites (gofeed, rss-parser, ROME, podcast-feed-parser) either parses or is refused
 * with a {@link FeedParseException}; nothing crashes or takes more than 5 s. rss-parser's one "must be rejected"
 * input is refused.
 */
class PeerSuitesSweepTest {
  private static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2026-11-23T00:00:00Z"));

  @Test
  void no_peer_suite_input_crashes_or_hangs_the_parser() throws Exception {
    Path root = SharedData.dir("feedparser-suite");
    List<Path> files = new ArrayList<>();
    for (String suite : List.of("gofeed", "rss-parser", "rome", "podcast-feed-parser")) {
      Path dir = root.resolve(suite);
      if (!Files.isDirectory(dir)) continue;
      try (Stream<Path> s = Files.walk(dir)) {
        s.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".json") && !p.toString().endsWith(".md")
            && !p.toString().endsWith(".tsv")).sorted().forEach(files::add);
      }
    }
    FeedParser parser = new FeedParser(CLOCK);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    List<String> crashes = new ArrayList<>();
    int parsed = 0;
    int refused = 0;
    boolean unrecognizedRefused = false;
    try {
      for (Path file : files) {
        byte[] body = Files.readAllBytes(file);
        Future<Boolean> f = pool.submit(() -> {
          try {
            parser.parse(FeedInput.of(body, URI.create("https://peer.example/" + file.getFileName())));
            return true;
          } catch (FeedParseException e) {
            return false;
          }
        });
        try {
          if (f.get(5, TimeUnit.SECONDS)) {
            parsed++;
          } else {
            refused++;
            if (file.getFileName().toString().equals("unrecognized.rss")) unrecognizedRefused = true;
          }
        } catch (TimeoutException e) {
          f.cancel(true);
          crashes.add(file + ": over 5 s");
          pool.shutdownNow();
          pool = Executors.newSingleThreadExecutor();
        } catch (ExecutionException e) {
          crashes.add(file + ": " + e.getCause());
        }
      }
    } finally {
      pool.shutdownNow();
    }
    System.out.printf("peer suites: %d inputs, %d parsed, %d refused (classified), %d crashes/hangs%n",
        files.size(), parsed, refused, crashes.size());
    crashes.forEach(c -> System.out.println("  CRASH " + c));
    assertThat(files).hasSizeGreaterThan(500);
    assertThat(crashes).isEmpty();
    assertThat(unrecognizedRefused).as("rss-parser input/unrecognized.rss is refused").isTrue();
  }
}
