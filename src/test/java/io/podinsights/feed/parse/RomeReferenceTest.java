package io.podinsights.feed.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import io.podinsights.podcast.Enclosure;
import io.podinsights.podcast.Episode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * ROME 2.1.0 as the reference on the real feeds: every distinct entry (by guid, else enclosure, else link) and every
 * enclosure URL ROME finds, our parser finds too. Feeds ROME refuses are counted, not compared.
 */
class RomeReferenceTest {
  private static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2026-11-23T00:00:00Z"));

  @Test
  void finds_at_least_the_episodes_and_enclosures_rome_finds() throws Exception {
    Path real = SharedData.dir("feeds/real");
    List<Path> files;
    try (Stream<Path> s = Files.list(real)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    }
    FeedParser parser = new FeedParser(CLOCK);
    List<String> missing = new ArrayList<>();
    int compared = 0;
    int romeRefused = 0;
    int romeEntries = 0;
    int romeEnclosures = 0;
    for (Path file : files) {
      byte[] body = Files.readAllBytes(file);
      SyndFeed rome;
      try {
        rome = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(body)));
      } catch (Exception e) {
        romeRefused++;
        System.out.println("ROME refused " + file.getFileName() + ": " + e.getMessage());
        continue;
      }
      URI base = URI.create("https://feeds.example/" + file.getFileName());
      ParsedFeed ours = parser.parse(FeedInput.of(body, base));
      compared++;
      Set<String> ourIds = new HashSet<>();
      Set<String> ourMedia = new HashSet<>();
      for (Episode e : ours.episodes()) {
        ourIds.add(e.guid());
        ourIds.add(e.link());
        ours.extrasOf(e).allEnclosures().stream().map(Enclosure::url).forEach(ourMedia::add);
      }
      Set<String> romeMedia = new HashSet<>();
      Set<String> romeIds = new HashSet<>();
      for (SyndEntry entry : rome.getEntries()) {
        List<String> media = new ArrayList<>();
        for (SyndEnclosure en : entry.getEnclosures()) {
          // ROME keeps enclosure URLs as written; we resolve them against the feed URL (e.g. "//host/a.mp3").
          if (en.getUrl() != null && !en.getUrl().isBlank()) media.add(FeedState.resolve(base, en.getUrl().strip()));
        }
        romeMedia.addAll(media);
        String id = entry.getUri() != null && !entry.getUri().isBlank() ? entry.getUri().strip()
            : media.isEmpty() ? entry.getLink() : media.get(0);
        if (id == null || id.isBlank()) continue;
        romeIds.add(id.strip());
        // An entry counts as found by its id or, when we dropped it as a re-post of the same audio under a new
        // guid (deduplication by enclosure URL), by its enclosure.
        boolean found = ourIds.contains(id.strip()) || media.stream().anyMatch(ourMedia::contains);
        if (!found) missing.add(file.getFileName() + ": entry " + id);
      }
      romeEntries += romeIds.size();
      romeEnclosures += romeMedia.size();
      for (String url : romeMedia) {
        if (!ourMedia.contains(url)) missing.add(file.getFileName() + ": enclosure " + url);
      }
    }
    System.out.printf("ROME reference: %d real feeds compared (%d refused by ROME), ROME found %d distinct entries"
        + " and %d enclosures; missing from ours: %d%n", compared, romeRefused, romeEntries, romeEnclosures, missing.size());
    missing.forEach(m -> System.out.println("  missing " + m));
    assertThat(compared).isGreaterThan(30);
    assertThat(missing).isEmpty();
  }
}
