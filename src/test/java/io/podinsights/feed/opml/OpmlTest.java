package io.podinsights.feed.opml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.podinsights.feed.parse.FeedParseException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** OPML import (nesting, junk, refusals, entity safety) and the OPML 2.0 export round trip. */
class OpmlTest {
  private static byte[] fixture(String name) throws IOException {
    try (InputStream in = OpmlTest.class.getResourceAsStream("/feed/opml/" + name)) {
      return Objects.requireNonNull(in, name).readAllBytes();
    }
  }

  @Test
  void reads_nested_outlines_as_categories_each_url_once() throws Exception {
    List<OpmlFeed> feeds = Opml.read(fixture("nested.opml"));
    assertThat(feeds).containsExactly(
        new OpmlFeed("https://news.example/daily.rss", "Daily", List.of("News")),
        new OpmlFeed("https://globe.example/feed", "Globe Talk", List.of("News", "World")),
        new OpmlFeed("https://tech.example/rss", "Tech & Science", List.of("Science", "Physics")),
        new OpmlFeed("https://bookmark.example/", "A bookmark, not a feed", List.of()));
  }

  @Test
  void tolerates_bom_junk_html_entities_and_bare_ampersands() throws Exception {
    List<OpmlFeed> feeds = Opml.read(fixture("junk.opml"));
    assertThat(feeds).extracting(OpmlFeed::url).containsExactly("https://cafe.example/feed?a=1&b=2", "https://pod.example/rss");
    assertThat(feeds.get(0).title()).isEqualTo("Café & Crème");
  }

  @Test
  void refuses_a_feed_or_an_html_page_with_a_classified_error() {
    byte[] rss = "<rss><channel><title>x</title></channel></rss>".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> Opml.read(rss))
        .isInstanceOfSatisfying(FeedParseException.class, e -> assertThat(e.kind()).isEqualTo(FeedParseException.Kind.NOT_A_FEED))
        .hasMessageStartingWith("opml: the subscription list is XML but not OPML (root element <rss>)");
    byte[] html = "<!doctype html><html><head><title>Oops</title></head></html>".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> Opml.read(html))
        .isInstanceOfSatisfying(FeedParseException.class, e -> assertThat(e.kind()).isEqualTo(FeedParseException.Kind.HTML_PAGE))
        .hasMessageStartingWith("opml: the subscription list is an HTML page");
    assertThatThrownBy(() -> Opml.read(new byte[0]))
        .isInstanceOfSatisfying(FeedParseException.class, e -> assertThat(e.kind()).isEqualTo(FeedParseException.Kind.EMPTY));
  }

  @Test
  void refuses_entity_declarations_without_expanding_them() {
    byte[] xxe = ("<?xml version=\"1.0\"?><!DOCTYPE opml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
        + "<opml><body><outline text=\"&x;\" xmlUrl=\"https://a.example/\"/></body></opml>").getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> Opml.read(xxe))
        .isInstanceOfSatisfying(FeedParseException.class, e -> assertThat(e.kind()).isEqualTo(FeedParseException.Kind.UNSAFE_DTD))
        .hasMessageNotContaining("root:");
  }

  @Test
  void writes_opml_2_that_reads_back_to_the_same_feeds() throws Exception {
    List<OpmlFeed> feeds = List.of(
        new OpmlFeed("https://a.example/rss?x=1&y=2", "A \"quoted\" <show>", List.of("News", "World")),
        new OpmlFeed("https://b.example/rss", "B", List.of("News")),
        new OpmlFeed("https://c.example/rss", "", List.of()));
    String xml = Opml.write(feeds, "podinsights subscriptions");
    assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>").contains("<opml version=\"2.0\">")
        .contains("<title>podinsights subscriptions</title>").contains("xmlUrl=\"https://a.example/rss?x=1&amp;y=2\"");
    List<OpmlFeed> back = Opml.read(xml.getBytes(StandardCharsets.UTF_8));
    assertThat(back).containsExactlyInAnyOrder(
        feeds.get(0), feeds.get(1), new OpmlFeed("https://c.example/rss", "https://c.example/rss", List.of()));
  }
}
