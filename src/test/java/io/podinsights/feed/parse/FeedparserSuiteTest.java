package io.podinsights.feed.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.podinsights.podcast.Enclosure;
import io.podinsights.podcast.Episode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Replays Python feedparser's test inputs: no file may crash the parser (only {@link FeedParseException} is allowed)
 * or take more than a few seconds; for the well-formed rss/atom/itunes cases whose {@code Expect:} is a simple
 * comparison of a field we model (title, link, id, enclosure, entry count), the value must match.
 */
class FeedparserSuiteTest {
  private static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2026-11-23T00:00:00Z"));
  private static final Pattern EXPECT = Pattern.compile("^\\s*Expect:\\s*(.*)$", Pattern.MULTILINE);
  private static final Pattern HEADER = Pattern.compile("^\\s*Header:\\s*Content-Type:\\s*(.*)$",
      Pattern.MULTILINE | Pattern.CASE_INSENSITIVE);
  private static final Pattern SIMPLE = Pattern.compile(
      "(not bozo and )?(feed|entries\\[(\\d+)])\\['(title|link|id|language)'] == u?'((?:[^'\\\\]|\\\\.)*)'");
  private static final Pattern ENCLOSURE = Pattern.compile(
      "(not bozo and )?entries\\[(\\d+)]\\['enclosures'](?:\\[(\\d+)])?\\['(href|url|type|length)'] == u?'((?:[^'\\\\]|\\\\.)*)'");
  private static final Pattern FLAG = Pattern.compile(
      "(not bozo and )?(feed|entries\\[(\\d+)])\\['itunes_(block|explicit)'] (== 1|== 0|is True|is False|is None)");
  private static final Pattern IMAGE = Pattern.compile(
      "(not bozo and )?(feed|entries\\[(\\d+)])\\['image']\\['href'] == u?'((?:[^'\\\\]|\\\\.)*)'");
  private static final Pattern TEXT = Pattern.compile(
      "(not bozo and )?(feed|entries\\[(\\d+)])\\['(subtitle|description|tagline|summary)'] == u?'((?:[^'\\\\]|\\\\.)*)'");
  private static final Pattern PUBLISHED = Pattern.compile(
      "(not bozo and )?entries\\[(\\d+)]\\['published_parsed'] == \\((\\d+), (\\d+), (\\d+), (\\d+), (\\d+), (\\d+),.*\\)");
  private static final Pattern LEN = Pattern.compile("(not bozo and )?len\\(entries\\) == (\\d+)");

  /** Expectations we do not share, with the reason. */
  static final java.util.Map<String, String> KNOWN_DIFFERENCES = java.util.Map.ofEntries(
      java.util.Map.entry("itunes_channel_block_uppercase.xml", "feedparser is case-sensitive about 'yes'; we accept 'YES'"),
      java.util.Map.entry("itunes_channel_block_whitespace.xml", "feedparser does not trim ' yes '; we do"),
      java.util.Map.entry("itunes_channel_explicit_uppercase.xml", "as itunes_channel_block_uppercase.xml, for explicit"),
      java.util.Map.entry("itunes_channel_explicit_whitespace.xml", "as itunes_channel_block_whitespace.xml, for explicit"),
      java.util.Map.entry("itunes_namespace_example.xml", "feedparser treats any namespace bound to the prefix 'itunes' as"
          + " iTunes; we go by the namespace URI (here http://example.com/...)"),
      java.util.Map.entry("feed_tagline_inline_markup.xml", "child XHTML elements of a text construct are flattened to text"),
      java.util.Map.entry("feed_tagline_inline_markup_2.xml", "as feed_tagline_inline_markup.xml"),
      java.util.Map.entry("feed_tagline_naked_markup.xml", "as feed_tagline_inline_markup.xml"),
      java.util.Map.entry("feed_subtitle_inline_markup.xml", "as feed_tagline_inline_markup.xml"),
      java.util.Map.entry("feed_subtitle_inline_markup_2.xml", "as feed_tagline_inline_markup.xml"),
      java.util.Map.entry("channel_description_naked_markup.xml", "unescaped child elements (<p>) in an RSS description"
          + " are flattened to their text"),
      java.util.Map.entry("item_description_br_shorttag.xml", "as channel_description_naked_markup.xml (<b>, <br />)"),
      java.util.Map.entry("feed_title_inline_markup.xml",
          "titles are one-line plain text for us: XHTML markup in an Atom title is flattened"),
      java.util.Map.entry("feed_title_inline_markup_2.xml",
          "as feed_title_inline_markup.xml; escaped markup is unescaped once into text"),
      java.util.Map.entry("feed_title_naked_markup.xml", "as feed_title_inline_markup.xml"),
      java.util.Map.entry("feed_title_base64_2.xml",
          "decoded, but the decoded HTML is not flattened the way feedparser sanitises it"),
      java.util.Map.entry("itunes_core_element_uppercase.xml", "feedparser matches plain RSS element names"
          + " case-insensitively when the itunes namespace is declared (<TiTlE>); we match RSS names exactly,"
          + " itunes: names case-insensitively"));

  enum Verdict { UNMAPPED, SKIPPED_BY_DESIGN, PASS, FAIL }

  private static Verdict of(boolean pass) {
    return pass ? Verdict.PASS : Verdict.FAIL;
  }

  record Outcome(Optional<ParsedFeed> feed, Optional<FeedParseException> refused) {}

  @Test
  void no_feedparser_case_crashes_or_hangs_and_simple_expectations_match() throws Exception {
    Path dir = SharedData.dir("feedparser-suite/feedparser");
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files = s.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().endsWith(".tsv") && !p.getFileName().toString().endsWith(".md"))
          .sorted().toList();
    }
    FeedParser parser = new FeedParser(CLOCK);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    List<String> crashes = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    List<String> known = new ArrayList<>();
    List<String> refusedWellFormed = new ArrayList<>();
    int parsed = 0;
    int refused = 0;
    int mapped = 0;
    int passed = 0;
    int unmappable = 0;
    try {
      for (Path file : files) {
        String rel = dir.relativize(file).toString().replace('\\', '/');
        byte[] body = Files.readAllBytes(file);
        String head = new String(body, 0, Math.min(body.length, 4096), StandardCharsets.ISO_8859_1);
        Matcher h = HEADER.matcher(head);
        Optional<String> contentType = h.find() ? Optional.of(h.group(1).strip()) : Optional.empty();
        FeedInput in = new FeedInput(body, URI.create("http://example.test/" + rel), contentType);
        Future<Outcome> f = pool.submit(() -> {
          try {
            return new Outcome(Optional.of(parser.parse(in)), Optional.empty());
          } catch (FeedParseException e) {
            return new Outcome(Optional.empty(), Optional.of(e));
          }
        });
        Outcome out;
        try {
          out = f.get(5, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
          f.cancel(true);
          crashes.add(rel + ": took over 5 s");
          pool.shutdownNow();
          pool = Executors.newSingleThreadExecutor();
          continue;
        } catch (ExecutionException e) {
          crashes.add(rel + ": " + e.getCause());
          continue;
        }
        if (out.refused().isPresent()) {
          refused++;
          FeedParseException e = out.refused().get();
          // Refused on purpose: CDF (Microsoft's 1997 Channel Definition Format is neither RSS nor Atom), and
          // DOCTYPEs that declare entities (never processed: the same shape as billion laughs / XXE).
          boolean onPurpose = rel.contains("cdf") || e.kind() == FeedParseException.Kind.UNSAFE_DTD;
          if (rel.startsWith("wellformed/") && !onPurpose) refusedWellFormed.add(rel + ": " + e.getMessage());
          continue;
        }
        parsed++;
        ParsedFeed feed = out.feed().orElseThrow();
        if (!rel.matches("wellformed/(rss|atom|atom10|itunes)/.*")) continue;
        Matcher em = EXPECT.matcher(head);
        if (!em.find()) continue;
        String expect = em.group(1).strip();
        switch (judge(expect, feed)) {
          case UNMAPPED -> { }
          case SKIPPED_BY_DESIGN -> unmappable++;
          case PASS -> {
            mapped++;
            passed++;
          }
          case FAIL -> {
            mapped++;
            String reason = KNOWN_DIFFERENCES.get(file.getFileName().toString());
            if (reason == null) failed.add(rel + ": " + expect + " -> " + describe(feed));
            else known.add(rel + ": " + reason);
          }
        }
      }
    } finally {
      pool.shutdownNow();
    }
    System.out.printf("feedparser: %d files, %d parsed, %d refused (classified), %d crashes/hangs%n",
        files.size(), parsed, refused, crashes.size());
    System.out.printf("feedparser expectations (wellformed rss/atom/atom10/itunes): %d mapped, %d passed (%.1f%%), %d known differences,"
        + " %d about items we skip by design (no guid, enclosure or link)%n",
        mapped, passed, 100.0 * passed / Math.max(1, mapped), known.size(), unmappable);
    known.forEach(x -> System.out.println("  known difference " + x));
    refusedWellFormed.forEach(x -> System.out.println("  refused (wellformed/) " + x));
    failed.forEach(x -> System.out.println("  FAILED " + x));
    crashes.forEach(x -> System.out.println("  CRASH " + x));
    assertThat(crashes).isEmpty();
    assertThat(refusedWellFormed).isEmpty();
    assertThat(mapped).isGreaterThan(50);
    assertThat(failed).isEmpty();
  }

  private static String describe(ParsedFeed f) {
    return "title=" + f.show().title() + " link=" + f.show().link() + " episodes="
        + f.episodes().stream().map(e -> e.guid() + "|" + e.title() + "|" + e.link()).toList() + " rec=" + f.recoveries();
  }

  /** UNMAPPED: not a form we map; SKIPPED_BY_DESIGN: the entry is one we skip on purpose. */
  private static Verdict judge(String expect, ParsedFeed feed) {
    Matcher m = SIMPLE.matcher(expect);
    if (m.matches()) {
      boolean notBozo = m.group(1) != null;
      String want = unescape(m.group(5));
      String got;
      if (m.group(2).equals("feed")) {
        got = switch (m.group(4)) {
          case "title" -> feed.show().title();
          case "link" -> feed.show().link();
          case "language" -> feed.show().language();
          default -> null;
        };
        if (got == null) return Verdict.UNMAPPED;
      } else {
        int i = Integer.parseInt(m.group(3));
        if (i >= feed.episodes().size()) return skippedOrFalse(feed);
        Episode e = feed.episodes().get(i);
        got = switch (m.group(4)) {
          case "title" -> e.title();
          case "link" -> e.link();
          case "id" -> e.guid();
          default -> null;
        };
        if (got == null) return Verdict.UNMAPPED;
      }
      return of(want.strip().equals(got) && !(notBozo && feed.recovered()));
    }
    m = ENCLOSURE.matcher(expect);
    if (m.matches()) {
      int i = Integer.parseInt(m.group(2));
      int k = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
      if (i >= feed.episodes().size()) return skippedOrFalse(feed);
      List<Enclosure> all = feed.extrasOf(feed.episodes().get(i)).allEnclosures();
      if (k >= all.size()) return Verdict.FAIL;
      Enclosure en = all.get(k);
      String got = switch (m.group(4)) {
        case "href", "url" -> en.url();
        case "type" -> en.type();
        default -> String.valueOf(en.length());
      };
      return of(unescape(m.group(5)).equals(got));
    }
    m = FLAG.matcher(expect);
    if (m.matches()) {
      boolean channel = m.group(2).equals("feed");
      if (!channel && Integer.parseInt(m.group(3)) >= feed.episodes().size()) return skippedOrFalse(feed);
      EpisodeExtras x = channel ? EpisodeExtras.NONE : feed.extrasOf(feed.episodes().get(Integer.parseInt(m.group(3))));
      Optional<Boolean> got = m.group(4).equals("block")
          ? Optional.of(channel ? feed.showExtras().blocked() : x.blocked())
          : channel ? feed.showExtras().explicit() : x.explicit();
      Optional<Boolean> want = switch (m.group(5)) {
        case "== 1", "is True" -> Optional.of(true);
        case "== 0", "is False" -> Optional.of(false);
        default -> Optional.empty();
      };
      if (m.group(4).equals("block") && want.isEmpty()) want = Optional.of(false);
      return of(want.equals(got));
    }
    m = IMAGE.matcher(expect);
    if (m.matches()) {
      String want = unescape(m.group(4));
      if (m.group(2).equals("feed")) return of(want.equals(feed.show().imageUrl()));
      int i = Integer.parseInt(m.group(3));
      if (i >= feed.episodes().size()) return skippedOrFalse(feed);
      return of(Optional.of(want).equals(feed.extrasOf(feed.episodes().get(i)).imageUrl()));
    }
    m = TEXT.matcher(expect);
    if (m.matches()) {
      String want = unescape(m.group(5)).strip();
      if (m.group(2).equals("feed")) return of(want.equals(feed.show().description()));
      int i = Integer.parseInt(m.group(3));
      if (i >= feed.episodes().size()) return skippedOrFalse(feed);
      return of(want.equals(feed.episodes().get(i).description()));
    }
    m = PUBLISHED.matcher(expect);
    if (m.matches()) {
      int i = Integer.parseInt(m.group(2));
      if (i >= feed.episodes().size()) return skippedOrFalse(feed);
      Optional<java.time.LocalDateTime> got = feed.episodes().get(i).published()
          .map(t -> java.time.LocalDateTime.ofInstant(t, java.time.ZoneOffset.UTC));
      java.time.LocalDateTime want = java.time.LocalDateTime.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)),
          Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)), Integer.parseInt(m.group(7)), Integer.parseInt(m.group(8)));
      return of(got.equals(Optional.of(want)));
    }
    m = LEN.matcher(expect);
    if (m.matches()) return of(feed.episodes().size() == Integer.parseInt(m.group(2)));
    return Verdict.UNMAPPED;
  }

  private static Verdict skippedOrFalse(ParsedFeed feed) {
    boolean skipped = feed.warnings().stream().anyMatch(w -> w.contains("no guid, enclosure or link"));
    return skipped ? Verdict.SKIPPED_BY_DESIGN : Verdict.FAIL;
  }

  static String unescape(String s) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 >= s.length()) {
        out.append(c);
        continue;
      }
      char n = s.charAt(++i);
      switch (n) {
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case 'r' -> out.append('\r');
        case 'x' -> {
          out.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
          i += 2;
        }
        case 'u' -> {
          out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
          i += 4;
        }
        default -> out.append(n);
      }
    }
    return out.toString();
  }
}
