package io.podinsights.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DigestRendererTest {

  private static final LocalDate DAY = LocalDate.of(2026, 11, 23);
  private final DigestRenderer renderer = new DigestRenderer(RenderConfig.DEFAULTS);

  private static DigestItem item(String insight, String show, String moment, Optional<String> page, boolean ai) {
    return new DigestItem(insight, show, "Why Mondays hurt", Optional.of("Dr. Ines Ruiz"), Duration.ofSeconds(754),
        moment, page, ai, "publisher transcript");
  }

  static Digest sample() {
    return new Digest("reader@example.com", DAY, List.of(
        new DigestItem("Most teams don't have a data problem, they have a decision problem: they collect metrics nobody has promised to act on.",
            "The Pragmatic Product Show", "Ep. 112: Measuring what matters", Optional.of("Dana Whitfield"), Duration.ofSeconds(754),
            "https://cdn.example.com/ppshow/112.mp3#t=754", Optional.of("https://ppshow.example.com/112"), false, "publisher transcript"),
        new DigestItem("Sleep debt can't be repaid on the weekend; two late mornings shift your clock and make Monday worse.",
            "Body Clock Radio", "Why Mondays hurt", Optional.empty(), Duration.ofSeconds(3723),
            "https://media.example.org/bcr/mondays.mp3#t=3723", Optional.of("https://bodyclock.example.org/mondays"), true,
            "machine transcript, Vosk"),
        new DigestItem("The cheapest reliability win is deleting a dependency <b>you</b> only use once & never test.",
            "Ops & Outages", "Boring tech, revisited", Optional.of("Sam Okafor"), Duration.ofSeconds(95),
            "javascript:alert(1)", Optional.empty(), false, "publisher transcript")));
  }

  private static String fixture(String name) throws IOException {
    return Files.readString(Path.of("src/test/resources/digest", name), StandardCharsets.UTF_8);
  }

  @Test
  void subject_is_the_prefix_and_the_short_date() {
    assertThat(renderer.subject(sample())).isEqualTo("Your podcast insights for Mon 23 Nov");
    assertThat(new DigestRenderer(new RenderConfig("Podcast digest,", "Hi")).subject(sample()))
        .isEqualTo("Podcast digest, Mon 23 Nov");
  }

  @Test
  void plain_text_matches_the_reviewed_rendering() throws IOException {
    FooterLinks footer = new FooterLinks(Optional.of("https://podinsights.example/u/abc"), Optional.empty());
    assertThat(renderer.text(sample(), footer)).isEqualTo(fixture("three-items.txt"));
  }

  @Test
  void plain_text_lines_stay_within_72_columns_except_unbreakable_urls() {
    for (String line : renderer.text(sample(), FooterLinks.NONE).split("\n")) {
      if (!line.contains("http")) assertThat(line.length()).as(line).isLessThanOrEqualTo(72);
    }
  }

  @Test
  void html_shows_the_insight_meta_listen_time_and_episode_link() {
    String html = renderer.html(sample(), FooterLinks.NONE);
    assertThat(html).contains("Most teams don&#39;t have a data problem")
        .contains("<strong style=\"color:#2f2b25;font-weight:600;\">The Pragmatic Product Show</strong> &middot; Ep. 112: Measuring what matters &middot; Dana Whitfield")
        .contains("href=\"https://cdn.example.com/ppshow/112.mp3#t=754\"")
        .contains("Listen at 12:34</a>")
        .contains("Listen at 1:02:03</a>")
        .contains("href=\"https://ppshow.example.com/112\"")
        .contains("From a publisher transcript.")
        .contains("3 insights from 3 shows")
        .contains("max-width:600px");
  }

  @Test
  void html_escapes_everything_from_feeds() {
    Digest evil = new Digest("reader@example.com", DAY, List.of(
        item("<img src=x onerror=alert(1)> & \"quotes\"", "<script>alert('show')</script>",
            "https://example.com/a.mp3#t=754", Optional.empty(), false)));
    String html = renderer.html(evil, FooterLinks.NONE);
    assertThat(html).doesNotContain("<script").doesNotContain("<img").doesNotContain("onerror=alert(1)>")
        .contains("&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;")
        .contains("&lt;script&gt;alert(&#39;show&#39;)&lt;/script&gt;");
  }

  @Test
  void only_http_and_https_urls_become_links_and_the_rest_is_shown_as_text() {
    Digest links = new Digest("reader@example.com", DAY, List.of(
        item("One", "A", "javascript:alert(1)", Optional.of("data:text/html,<script>x</script>"), false),
        item("Two", "B", "https://example.com/a.mp3\" onmouseover=\"alert(1)", Optional.of("//evil.example/x"), false),
        item("Three", "C", "HTTPS://Example.com/b.mp3#t=754", Optional.of("http://user:pw@evil.example/"), false)));
    String html = renderer.html(links, FooterLinks.NONE);
    assertThat(html).doesNotContain("href=\"javascript").doesNotContain("href=\"data:")
        .doesNotContain("onmouseover=\"alert").doesNotContain("href=\"//evil").doesNotContain("href=\"http://user")
        .contains("Listen at 12:34 &middot; javascript:alert(1)")
        .contains("Episode page: data:text/html,&lt;script&gt;x&lt;/script&gt;")
        .contains("href=\"HTTPS://Example.com/b.mp3#t=754\"");
    assertThat(html.split("href=\"", -1)).hasSize(2);
  }

  @Test
  void ai_written_badge_appears_only_on_ai_written_items() {
    Digest one = new Digest("r@example.com", DAY, List.of(
        item("Human", "A", "https://e.com/a.mp3#t=1", Optional.empty(), false),
        item("Machine", "B", "https://e.com/b.mp3#t=1", Optional.empty(), true)));
    String html = renderer.html(one, FooterLinks.NONE);
    assertThat(html.split(">AI-written</span>", -1)).hasSize(2);
    assertThat(html.indexOf(">AI-written</span>")).isGreaterThan(html.indexOf("Human"));
    assertThat(renderer.text(one, FooterLinks.NONE)).containsOnlyOnce("AI-written");
  }

  @Test
  void an_empty_digest_says_there_is_nothing_new() {
    Digest empty = new Digest("reader@example.com", DAY, List.of());
    assertThat(renderer.html(empty, FooterLinks.NONE)).contains("No new insights today").doesNotContain("{{");
    assertThat(renderer.text(empty, FooterLinks.NONE)).contains("No new insights today");
    assertThat(empty.isEmpty()).isTrue();
  }

  @Test
  void template_slots_inside_feed_text_are_not_expanded() {
    Digest sly = new Digest("r@example.com", DAY, List.of(
        item("{{footer}} {{content}}", "{{title}}", "https://e.com/a.mp3#t=1", Optional.empty(), false)));
    String html = renderer.html(sly, FooterLinks.NONE);
    assertThat(html).contains("{{footer}} {{content}}").contains(">{{title}}</strong>")
        .containsOnlyOnce("You get this digest because");
  }

  @Test
  void terminal_escapes_and_line_breaks_from_feeds_are_removed_from_text() {
    Digest sly = new Digest("r@example.com", DAY, List.of(
        item("Red\u001b[31m alert\r\nSecond\u2028line \u202Eevil", "Show\r\nBcc: victim@example.com",
            "https://e.com/a.mp3#t=1", Optional.empty(), false)));
    String text = renderer.text(sly, FooterLinks.NONE);
    assertThat(text).doesNotContain("\u001b").doesNotContain("\r").doesNotContain("\u2028").doesNotContain("\u202E")
        .contains("1. Red [31m alert Second line evil")
        .contains("Show Bcc: victim@example.com · Why Mondays hurt");
  }

  @Test
  void footer_links_appear_in_both_parts() {
    FooterLinks footer = new FooterLinks(Optional.of("https://podinsights.example/u/abc"), Optional.of("https://podinsights.example/prefs"));
    RenderedDigest r = renderer.render(sample(), footer);
    assertThat(r.html()).contains("href=\"https://podinsights.example/u/abc\"").contains(">Unsubscribe</a>")
        .contains("href=\"https://podinsights.example/prefs\"");
    assertThat(r.text()).contains("Unsubscribe: https://podinsights.example/u/abc\n")
        .contains("Preferences: https://podinsights.example/prefs\n");
  }
}
