package io.podinsights.feed.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.podinsights.podcast.Enclosure;
import io.podinsights.podcast.Episode;
import io.podinsights.podcast.Person;
import io.podinsights.podcast.TranscriptLink;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the parser makes of its own fixture feeds: identity, dedupe, URLs, dates, namespaces, refusals, limits. */
class FeedParserTest {

  @Test
  void drops_repeated_guids_and_reposted_enclosures_keeping_the_first() throws Exception {
    ParsedFeed f = Fixtures.parse("duplicate-guids.rss");
    assertThat(f.episodes()).extracting(Episode::guid).containsExactly("dup-1", "dup-3");
    assertThat(f.episodes().get(0).title()).isEqualTo("First airing");
    assertThat(f.warnings()).anyMatch(w -> w.contains("1 items repeating an earlier guid"))
        .anyMatch(w -> w.contains("1 items repeating an earlier enclosure URL"));
    assertThat(f.recovered()).isFalse();
  }

  @Test
  void identity_falls_back_to_enclosure_then_link_and_items_without_either_are_skipped() throws Exception {
    ParsedFeed f = Fixtures.parse("no-guids.rss");
    assertThat(f.episodes()).extracting(Episode::guid)
        .containsExactly("https://guidless.example/1.mp3", "https://guidless.example/ep/2");
    assertThat(f.warnings()).anyMatch(w -> w.contains("skipped 1 items with no guid, enclosure or link"));
  }

  @Test
  void resolves_relative_urls_against_the_feed_url_and_xml_base() throws Exception {
    ParsedFeed f = Fixtures.parse("relative-urls.rss");
    assertThat(f.show().link()).isEqualTo("https://feeds.example/");
    Episode one = f.episodes().get(0);
    assertThat(one.link()).isEqualTo("https://feeds.example/shows/episodes/1");
    assertThat(one.enclosure()).map(Enclosure::url).contains("https://feeds.example/shows/media/one.mp3");
    assertThat(one.transcripts()).extracting(TranscriptLink::url).containsExactly("https://feeds.example/transcripts/one.vtt");
    Episode two = f.episodes().get(1);
    assertThat(two.enclosure()).map(Enclosure::url).contains("https://cdn.example/season2/two.mp3");
    assertThat(two.transcripts()).extracting(TranscriptLink::url).containsExactly("https://cdn.example/season2/two.json");
    Episode three = f.episodes().get(2);
    assertThat(three.enclosure()).contains(new Enclosure("https://cdn.example/three.mp3", "audio/mpeg", -1));
  }

  @Test
  void reads_odd_dates_and_clamps_absurd_years() throws Exception {
    ParsedFeed f = Fixtures.parse("odd-dates.rss");
    assertThat(f.episodes()).extracting(e -> e.published().map(Instant::toString).orElse("none")).containsExactly(
        "2003-06-10T04:00:00Z",
        "2003-06-10T09:00:00Z",
        "2003-06-10T11:00:00Z",
        "2003-06-10T02:00:00Z",
        "2003-06-10T04:00:00Z",
        "2003-06-10T04:00:00Z",
        "1970-01-01T00:00:00Z",
        Fixtures.NOW.toString(),
        "none");
    assertThat(f.warnings()).anyMatch(w -> w.contains("clamped 2 publication dates"));
  }

  @Test
  void normalises_titles_with_line_breaks_to_one_line() throws Exception {
    ParsedFeed f = Fixtures.parse("crlf-title.rss");
    assertThat(f.show().title()).isEqualTo("Line Break Radio");
    assertThat(f.episodes().get(0).title()).isEqualTo("Part one Bcc: someone@example.com").doesNotContain("\r", "\n");
  }

  @Test
  void keeps_every_transcript_link_in_feed_order_with_type_language_and_rel() throws Exception {
    ParsedFeed f = Fixtures.parse("transcripts.rss");
    Episode e = f.episodes().get(0);
    assertThat(e.transcripts()).containsExactly(
        new TranscriptLink("https://tr.example/1.json", "application/json", "en", ""),
        new TranscriptLink("https://tr.example/1.vtt", "text/vtt", "en", "captions"),
        new TranscriptLink("https://tr.example/1.srt", "application/x-subrip", "", ""),
        new TranscriptLink("https://tr.example/1.html", "text/html", "de", ""));
    assertThat(f.extrasOf(e).chaptersUrl()).contains("https://tr.example/1-chapters.json");
  }

  @Test
  void reads_podcast_person_on_channel_and_items_with_lowercased_role_and_group() throws Exception {
    ParsedFeed f = Fixtures.parse("persons.rss");
    assertThat(f.show().persons()).containsExactly(
        new Person("Ada Host", "host", "cast", "https://people.example/ada", "https://people.example/ada.jpg"));
    assertThat(f.episodes().get(0).persons()).containsExactly(
        new Person("Bo Guest", "guest", "cast", "https://people.example/bo", ""),
        new Person("Cy Editor", "editor", "post-production", "", ""));
  }

  @Test
  void reports_itunes_new_feed_url_and_ttl() throws Exception {
    ParsedFeed f = Fixtures.parse("new-feed-url.rss");
    assertThat(f.newFeedUrl()).contains("https://new-home.example/feed.xml");
    assertThat(f.updateInterval()).contains(Duration.ofMinutes(90));
    assertThat(f.episodes()).isEmpty();
  }

  @Test
  void reads_the_podcast_namespace_and_prefers_it_over_itunes_for_season_and_episode() throws Exception {
    ParsedFeed f = Fixtures.parse("podcast-namespace.rss");
    ShowExtras x = f.showExtras();
    assertThat(x.podcastGuid()).contains("917393e3-1b1e-5cef-ace4-edaa54e1f810");
    assertThat(x.locked()).isTrue();
    assertThat(x.lockOwner()).contains("owner@tour.example");
    assertThat(x.blocked()).isTrue();
    assertThat(x.fundingUrls()).containsExactly("https://tour.example/support");
    assertThat(x.itunesType()).isEqualTo("serial");
    assertThat(f.updateInterval()).as("podcast:updateFrequency wins over ttl").contains(Duration.ofDays(14));
    assertThat(f.show().imageUrl()).isEqualTo("https://tour.example/cover.jpg");
    Episode e = f.episodes().get(0);
    assertThat(e.duration()).contains(Duration.ofSeconds(3723));
    assertThat(e.season()).contains(3);
    assertThat(e.number()).contains(8);
    EpisodeExtras ex = f.extrasOf(e);
    assertThat(ex.soundbites()).containsExactly(
        new Soundbite(Duration.ofSeconds(73), Duration.ofMillis(60_500), "The best minute"));
    assertThat(ex.imageUrl()).contains("https://tour.example/1.jpg");
    assertThat(ex.episodeType()).isEqualTo("bonus");
  }

  @Test
  void reads_atom_with_enclosure_links_and_prefers_content_over_summary() throws Exception {
    ParsedFeed f = Fixtures.parse("atom-podcast.atom");
    assertThat(f.show().title()).isEqualTo("Atom Casts");
    assertThat(f.show().link()).isEqualTo("https://atom.example/");
    assertThat(f.show().imageUrl()).isEqualTo("https://atom.example/logo.png");
    assertThat(f.show().author()).isEqualTo("Ana Atom");
    Episode e = f.episodes().get(0);
    assertThat(e.guid()).isEqualTo("tag:atom.example,2024:1");
    assertThat(e.link()).isEqualTo("https://atom.example/episodes/1");
    assertThat(e.enclosure()).contains(new Enclosure("https://atom.example/audio/1.ogg", "audio/ogg", 999));
    assertThat(e.published()).contains(Instant.parse("2024-03-01T09:00:00Z"));
    assertThat(e.description()).isEqualTo("<p>Long &amp; rich</p>");
  }

  @Test
  void reads_rss_1_0_rdf_items_and_dublin_core_dates() throws Exception {
    ParsedFeed f = Fixtures.parse("rss10.rdf");
    assertThat(f.show().title()).isEqualTo("Resource Radio");
    assertThat(f.show().language()).isEqualTo("fr");
    assertThat(f.episodes()).singleElement().satisfies(e -> {
      assertThat(e.guid()).isEqualTo("https://rdf.example/1");
      assertThat(e.published()).contains(Instant.parse("2004-05-06T07:08:09Z"));
    });
  }

  @Test
  void falls_back_to_media_content_for_the_enclosure_skipping_images() throws Exception {
    ParsedFeed f = Fixtures.parse("media-only.rss");
    Episode e = f.episodes().get(0);
    assertThat(e.enclosure()).contains(new Enclosure("https://media.example/1.mp4", "video/mp4", 5000));
    assertThat(e.duration()).contains(Duration.ofSeconds(125));
    assertThat(f.extrasOf(e).imageUrl()).contains("https://media.example/1.jpg");
  }

  @Test
  void reads_durations_in_every_common_form() throws Exception {
    ParsedFeed f = Fixtures.parse("durations.rss");
    assertThat(f.episodes()).extracting(Episode::duration).containsExactly(
        Optional.of(Duration.ofSeconds(3723)), Optional.of(Duration.ofSeconds(3723)),
        Optional.of(Duration.ofSeconds(3723)), Optional.of(Duration.ofMillis(3_723_500)),
        Optional.of(Duration.ofSeconds(3723)), Optional.empty());
  }

  @Test
  void refuses_an_html_page_with_its_title_in_the_message() {
    assertThatThrownBy(() -> Fixtures.parse("html-page.html"))
        .isInstanceOfSatisfying(FeedParseException.class, e -> assertThat(e.kind()).isEqualTo(FeedParseException.Kind.HTML_PAGE))
        .hasMessage("feed: https://feeds.example/shows/main.rss is an HTML page, not a feed (title: \"Sign in to continue\");"
            + " look for the feed link on that page or check the URL");
  }

  @Test
  void refuses_empty_and_blank_bodies_as_empty() {
    FeedParser parser = new FeedParser(Fixtures.CLOCK);
    for (String body : new String[] {"", "  \n\t "}) {
      assertThatThrownBy(() -> parser.parse(FeedInput.of(body.getBytes(StandardCharsets.UTF_8), Fixtures.FEED_URL)))
          .isInstanceOfSatisfying(FeedParseException.class, e -> assertThat(e.kind()).isEqualTo(FeedParseException.Kind.EMPTY))
          .hasMessageStartingWith("feed: https://feeds.example/shows/main.rss answered an empty body");
    }
  }

  @Test
  void refuses_json_and_plain_text_as_not_xml_and_foreign_xml_as_not_a_feed() {
    FeedParser parser = new FeedParser(Fixtures.CLOCK);
    assertThatThrownBy(() -> parser.parse(FeedInput.of("{\"version\":\"https://jsonfeed.org/version/1\"}".getBytes(StandardCharsets.UTF_8), Fixtures.FEED_URL)))
        .isInstanceOfSatisfying(FeedParseException.class, e -> assertThat(e.kind()).isEqualTo(FeedParseException.Kind.NOT_XML));
    assertThatThrownBy(() -> parser.parse(FeedInput.of("<?xml version=\"1.0\"?><catalog><book/></catalog>".getBytes(StandardCharsets.UTF_8), Fixtures.FEED_URL)))
        .isInstanceOfSatisfying(FeedParseException.class, e -> assertThat(e.kind()).isEqualTo(FeedParseException.Kind.NOT_A_FEED))
        .hasMessageContaining("root element <catalog>");
  }

  @Test
  void refuses_xml_that_stays_broken_as_malformed_with_the_position() {
    FeedParser parser = new FeedParser(Fixtures.CLOCK);
    byte[] body = "<rss><channel><title>x</channel></rss>".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> parser.parse(FeedInput.of(body, Fixtures.FEED_URL)))
        .isInstanceOfSatisfying(FeedParseException.class, e -> assertThat(e.kind()).isEqualTo(FeedParseException.Kind.MALFORMED))
        .hasMessageContaining("line 1, column");
  }

  @Test
  void classifies_a_body_over_the_byte_limit_as_too_large_before_reading_it() {
    FeedParser parser = new FeedParser(new FeedLimits(1024, 64, 1024, 10), Fixtures.CLOCK);
    byte[] body = new byte[2048];
    assertThatThrownBy(() -> parser.parse(FeedInput.of(body, Fixtures.FEED_URL)))
        .isInstanceOfSatisfying(FeedParseException.class, e -> assertThat(e.kind()).isEqualTo(FeedParseException.Kind.TOO_LARGE));
  }

  @Test
  void bounds_items_per_feed_and_characters_per_field_with_warnings() throws Exception {
    StringBuilder xml = new StringBuilder("<rss><channel><title>" + "t".repeat(5000) + "</title>");
    for (int i = 0; i < 50; i++) xml.append("<item><guid>g").append(i).append("</guid></item>");
    xml.append("</channel></rss>");
    FeedParser parser = new FeedParser(new FeedLimits(1 << 20, 64, 1000, 20), Fixtures.CLOCK);
    ParsedFeed f = parser.parse(FeedInput.of(xml.toString().getBytes(StandardCharsets.UTF_8), Fixtures.FEED_URL));
    assertThat(f.episodes()).hasSize(20);
    assertThat(f.episodes().get(19).guid()).isEqualTo("g19");
    assertThat(f.show().title()).hasSize(1000);
    assertThat(f.warnings()).anyMatch(w -> w.contains("50 items; kept the first 20"))
        .anyMatch(w -> w.contains("longer than 1000 characters"));
  }

  @Test
  void refuses_nesting_deeper_than_the_limit_without_a_stack_overflow() {
    String deep = "<rss><channel>" + "<x>".repeat(100_000) + "</x>".repeat(100_000) + "</channel></rss>";
    FeedParser parser = new FeedParser(Fixtures.CLOCK);
    assertThatThrownBy(() -> parser.parse(FeedInput.of(deep.getBytes(StandardCharsets.UTF_8), Fixtures.FEED_URL)))
        .isInstanceOfSatisfying(FeedParseException.class, e -> assertThat(e.kind()).isEqualTo(FeedParseException.Kind.TOO_LARGE))
        .hasMessageContaining("deeper than 64 levels");
  }

  @Test
  void base_url_only_resolves_it_never_fetches() throws Exception {
    ParsedFeed f = new FeedParser(Fixtures.CLOCK).parse(FeedInput.of(Fixtures.bytes("relative-urls.rss"),
        URI.create("http://127.0.0.1:9/never-contacted.rss")));
    assertThat(f.episodes().get(0).enclosure()).map(Enclosure::url).contains("http://127.0.0.1:9/media/one.mp3");
  }
}
