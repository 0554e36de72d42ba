package io.podinsights.feed.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.podinsights.podcast.TranscriptLink;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Malformed feeds that are repaired, each flagged as recovered with its reason; well-formed ones are not flagged. */
class RecoveryTest {

  @Test
  void skips_php_warnings_before_the_xml_declaration() throws Exception {
    ParsedFeed f = Fixtures.parse("junk-before-xml.rss");
    assertThat(f.show().title()).isEqualTo("After the warning");
    assertThat(f.episodes()).hasSize(1);
    assertThat(f.recovered()).isTrue();
    assertThat(f.recoveries()).anyMatch(r -> r.contains("junk before the XML declaration") && r.contains("Warning"));
  }

  @Test
  void maps_html_entities_to_characters_and_keeps_unknown_ones_as_text() throws Exception {
    ParsedFeed f = Fixtures.parse("html-entities.rss");
    assertThat(f.show().title()).isEqualTo("Café Talk — Q&A");
    assertThat(f.episodes().get(0).title()).isEqualTo("Fish & chips … &bogus; été");
    assertThat(f.recoveries()).anyMatch(r -> r.contains("undeclared") && r.contains("entit"));
  }

  @Test
  void binds_undeclared_itunes_and_podcast_prefixes_to_their_namespaces() throws Exception {
    ParsedFeed f = Fixtures.parse("undeclared-prefix.rss");
    assertThat(f.show().author()).isEqualTo("Unbound Author");
    assertThat(f.episodes().get(0).duration()).contains(Duration.ofMinutes(42));
    assertThat(f.episodes().get(0).transcripts()).extracting(TranscriptLink::url)
        .containsExactly("https://prefix.example/1.srt");
    assertThat(f.recoveries()).anyMatch(r -> r.contains("[itunes, madeup, podcast]"));
  }

  @Test
  void drops_control_characters_xml_does_not_allow() throws Exception {
    ParsedFeed f = Fixtures.parse("control-chars.rss");
    assertThat(f.show().title()).isEqualTo("Control char acters");
    assertThat(f.episodes().get(0).title()).isEqualTo("Bell here");
    assertThat(f.recoveries()).anyMatch(r -> r.contains("removed 3 characters"));
  }

  @Test
  void escapes_bare_ampersands_and_stray_less_than_signs() throws Exception {
    ParsedFeed f = Fixtures.parse("unescaped-ampersand.rss");
    assertThat(f.show().title()).isEqualTo("Tom & Jerry Talk");
    assertThat(f.episodes().get(0).guid()).isEqualTo("https://amp.example/ep?id=1&utm_source=feed");
    assertThat(f.episodes().get(0).title()).isEqualTo("Less < more");
    assertThat(f.recoveries()).anyMatch(r -> r.contains("bare '&'")).anyMatch(r -> r.contains("stray '<'"));
  }

  @Test
  void reads_invalid_utf8_bytes_as_windows_1252() throws Exception {
    ParsedFeed f = Fixtures.parse("windows-1252-declared-utf8.rss");
    assertThat(f.show().title()).isEqualTo("Café “quoted”");
    assertThat(f.episodes().get(0).title()).isEqualTo("Naïve");
    assertThat(f.recoveries()).anyMatch(r -> r.contains("not valid UTF-8"));
  }

  @Test
  void byte_order_mark_wins_over_the_declared_encoding() throws Exception {
    ParsedFeed f = Fixtures.parse("bom-contradicts-declaration.rss");
    assertThat(f.show().title()).isEqualTo("BOM says UTF-8: été");
  }

  @Test
  void reads_declared_iso_8859_1_as_windows_1252_without_calling_it_a_recovery() throws Exception {
    ParsedFeed f = Fixtures.parse("latin1-declared.rss");
    assertThat(f.show().title()).isEqualTo("Latin é and €uro");
    assertThat(f.recovered()).isFalse();
  }

  @Test
  void http_charset_wins_over_the_xml_declaration() throws Exception {
    byte[] body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss><channel><title>\u00e9t\u00e9</title></channel></rss>"
        .getBytes(StandardCharsets.ISO_8859_1);
    ParsedFeed f = new FeedParser(Fixtures.CLOCK).parse(
        new FeedInput(body, Fixtures.FEED_URL, Optional.of("application/rss+xml; charset=ISO-8859-1")));
    assertThat(f.show().title()).isEqualTo("été");
    assertThat(f.recovered()).isFalse();
  }

  @Test
  void strips_a_doctype_without_entities_and_notes_it() throws Exception {
    byte[] body = ("<?xml version=\"1.0\"?>\n<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\""
        + " \"http://my.netscape.com/publish/formats/rss-0.91.dtd\">\n"
        + "<rss version=\"0.91\"><channel><title>Old&nbsp;School</title></channel></rss>").getBytes(StandardCharsets.UTF_8);
    ParsedFeed f = new FeedParser(Fixtures.CLOCK).parse(FeedInput.of(body, Fixtures.FEED_URL));
    assertThat(f.show().title()).as("titles fold no-break spaces into spaces").isEqualTo("Old School");
    assertThat(f.recoveries()).anyMatch(r -> r.equals("removed DOCTYPE rss (never processed)"));
  }

  @Test
  void a_clean_feed_is_not_flagged_as_recovered() throws Exception {
    ParsedFeed f = Fixtures.parse("transcripts.rss");
    assertThat(f.recovered()).isFalse();
    assertThat(f.recoveries()).isEmpty();
  }
}
