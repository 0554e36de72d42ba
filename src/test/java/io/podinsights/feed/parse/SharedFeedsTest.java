package io.podinsights.feed.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every file in ../shared/data/feeds either parses or is refused with the kind its MANIFEST row implies: strictly
 * well-formed feeds parse without recovery, the not-well-formed ones parse with a recorded recovery, non-feeds are
 * classified, and the episode count matches the manifest's item count except where listed with a reason.
 */
class SharedFeedsTest {
  private static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2026-11-23T00:00:00Z"));

  /** Files that are not feeds, with the kind of refusal expected. */
  private static final Map<String, FeedParseException.Kind> REFUSED = Map.of(
      "malformed/feedpress-error-document.rss", FeedParseException.Kind.NOT_A_FEED,
      "malformed/html-document-moved.rss", FeedParseException.Kind.HTML_PAGE,
      "malformed/not-a-feed-products.xml", FeedParseException.Kind.NOT_A_FEED,
      "malformed/xhtml-with-external-dtd.xml", FeedParseException.Kind.HTML_PAGE,
      "malformed/libsyn-allthingschemical-missing-channel-open.xml", FeedParseException.Kind.MALFORMED,
      "chapters/pc20-chapters-example.json", FeedParseException.Kind.NOT_XML,
      "chapters/pc20-chapters-exampleComplex.json", FeedParseException.Kind.NOT_XML,
      "reference/corpus-stats-143k-feeds.txt", FeedParseException.Kind.NOT_XML,
      // The schema example wraps podcast: tags in <test-wrapper>: well-formed, but not a feed.
      "podcastindex/podcast-namespace-schema-example.xml", FeedParseException.Kind.NOT_A_FEED);

  /** Where our episode count differs from the manifest's regex item count, and why. */
  static final Map<String, String> COUNT_DIFFERENCES = Map.of(
      "updates/hardfork-v2-duplicate-guid.rss", "two items share a guid: deduplicated to one",
      "updates/hardfork-v2-duplicate-media-url.rss", "two items share an enclosure URL: deduplicated to one",
      "antennapod/feed-rss-testUnsupportedElements.xml", "an <item> nested in an unknown element is not an item (expected 1)",
      "malformed/atom-entry-empty-author.atom", "the entry has no id, link or enclosure: skipped with a warning",
      "podcastindex/feedkit-podcast-transcript-language-rel.xml", "neither item has a guid, enclosure or link: skipped",
      "real/feedkit-itunes-all-tags.xml", "the only item has no guid, enclosure or link: skipped",
      "real/feedburner-uhh-yeah-dude.xml", "two items share one enclosure URL: deduplicated",
      "real/taverncast-missing-itunes-image.rss", "two items share one guid: deduplicated");

  record Row(String file, boolean wellFormed, int items) {}

  static Map<String, Row> manifest(Path feeds) throws IOException {
    Map<String, Row> rows = new LinkedHashMap<>();
    for (String line : Files.readAllLines(feeds.resolve("MANIFEST.md"))) {
      if (!line.startsWith("| `")) continue;
      String[] cells = line.split("\\|");
      String file = cells[1].strip().replace("`", "");
      if (cells.length < 6 || file.contains(" ")) continue;
      boolean wf = cells[3].strip().startsWith("yes");
      String items = cells[4].strip();
      rows.put(file, new Row(file, wf, items.isEmpty() ? 0 : Integer.parseInt(items)));
    }
    return rows;
  }

  @Test
  void every_shared_feed_parses_or_is_refused_as_its_manifest_row_says() throws IOException {
    Path feeds = SharedData.dir("feeds");
    Map<String, Row> rows = manifest(feeds);
    FeedParser parser = new FeedParser(CLOCK);
    List<String> failures = new ArrayList<>();
    int parsed = 0;
    int refused = 0;
    List<Path> files;
    try (Stream<Path> walk = Files.walk(feeds)) {
      files = walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals("MANIFEST.md")).sorted().toList();
    }
    for (Path file : files) {
      String rel = feeds.relativize(file).toString().replace('\\', '/');
      Row row = rows.get(rel);
      byte[] body = Files.readAllBytes(file);
      try {
        ParsedFeed f = parser.parse(FeedInput.of(body, URI.create("https://feeds.example/" + rel)));
        parsed++;
        System.out.printf("parsed  %-70s episodes=%4d manifest=%4s recovered=%s %s%n", rel, f.episodes().size(),
            row == null ? "?" : row.items(), f.recovered(), f.recoveries());
        if (REFUSED.containsKey(rel)) failures.add(rel + ": parsed, expected " + REFUSED.get(rel));
        if (row == null) continue;
        if (row.wellFormed() && f.recovered()) failures.add(rel + ": well-formed but recovered " + f.recoveries());
        if (!row.wellFormed() && !f.recovered()) failures.add(rel + ": not well-formed but no recovery recorded");
        if (f.episodes().size() != row.items() && !COUNT_DIFFERENCES.containsKey(rel)) {
          failures.add(rel + ": " + f.episodes().size() + " episodes, manifest says " + row.items());
        }
      } catch (FeedParseException e) {
        refused++;
        System.out.printf("refused %-70s %s: %s%n", rel, e.kind(), e.getMessage());
        if (REFUSED.get(rel) != e.kind()) failures.add(rel + ": refused as " + e.kind() + " (" + e.getMessage() + ")");
      }
    }
    System.out.printf("shared feeds: %d files, %d parsed, %d refused, %d failures%n", files.size(), parsed, refused,
        failures.size());
    assertThat(failures).isEmpty();
  }
}
