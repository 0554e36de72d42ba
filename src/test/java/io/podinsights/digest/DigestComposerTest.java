package io.podinsights.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.podinsights.digest.DigestComposer.ComposeRequest;
import io.podinsights.digest.DigestComposer.Pick;
import io.podinsights.insight.Insight;
import io.podinsights.podcast.Enclosure;
import io.podinsights.podcast.Episode;
import io.podinsights.podcast.Show;
import io.podinsights.transcript.TranscriptFormat;
import io.podinsights.transcript.TranscriptSource;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DigestComposerTest {

  private final DigestComposer composer = new DigestComposer();
  private final Show show = new Show("Body Clock Radio", "https://bodyclock.example.org/", "", "", "", "en", List.of());
  private final TranscriptSource published = new TranscriptSource.Published("https://bodyclock.example.org/t.json", TranscriptFormat.JSON);

  private static Insight insight(int startSeconds, boolean aiWritten) {
    return new Insight("Two late mornings shift your clock.", "quote", Optional.of("Dr. Ines Ruiz"),
        Duration.ofSeconds(startSeconds).plusMillis(600), Duration.ofSeconds(startSeconds + 20), 0.8, Map.of(), aiWritten);
  }

  private static Episode episode(Optional<Enclosure> enclosure, String link) {
    return new Episode("guid-1", "Why Mondays hurt", link, "", Optional.empty(), enclosure, Optional.empty(),
        List.of(), List.of(), Optional.empty(), Optional.empty());
  }

  @Test
  void moment_url_is_the_enclosure_with_a_media_fragment_in_whole_seconds() {
    Episode ep = episode(Optional.of(new Enclosure("https://media.example.org/mondays.mp3?src=rss", "audio/mpeg", -1)),
        "https://bodyclock.example.org/mondays");
    DigestItem item = composer.item(new Pick(insight(3723, false), show, ep, published));
    assertThat(item.momentUrl()).isEqualTo("https://media.example.org/mondays.mp3?src=rss#t=3723");
    assertThat(item.at()).isEqualTo(Duration.ofSeconds(3723).plusMillis(600));
    assertThat(item.episodePageUrl()).contains("https://bodyclock.example.org/mondays");
    assertThat(item.show()).isEqualTo("Body Clock Radio");
    assertThat(item.episode()).isEqualTo("Why Mondays hurt");
    assertThat(item.speaker()).contains("Dr. Ines Ruiz");
    assertThat(item.provenance()).isEqualTo("publisher transcript");
    assertThat(item.aiWritten()).isFalse();
  }

  @Test
  void an_existing_fragment_on_the_enclosure_is_replaced() {
    Episode ep = episode(Optional.of(new Enclosure("https://media.example.org/a.mp3#t=5", "audio/mpeg", -1)), "");
    assertThat(composer.item(new Pick(insight(754, false), show, ep, published)).momentUrl())
        .isEqualTo("https://media.example.org/a.mp3#t=754");
  }

  @Test
  void without_an_enclosure_the_moment_points_at_the_episode_page_and_a_blank_link_is_no_page() {
    Episode withPage = episode(Optional.empty(), "https://bodyclock.example.org/mondays");
    assertThat(composer.item(new Pick(insight(10, false), show, withPage, published)).momentUrl())
        .isEqualTo("https://bodyclock.example.org/mondays#t=10");
    Episode bare = episode(Optional.of(new Enclosure("https://media.example.org/a.mp3", "audio/mpeg", -1)), " ");
    assertThat(composer.item(new Pick(insight(10, false), show, bare, published)).episodePageUrl()).isEmpty();
  }

  @Test
  void an_episode_with_nowhere_to_listen_is_refused_with_a_clear_message() {
    Show noLink = new Show("Quiet Show", "", "", "", "", "", List.of());
    Episode nothing = episode(Optional.empty(), "");
    assertThatThrownBy(() -> composer.item(new Pick(insight(10, false), noLink, nothing, published)))
        .hasMessageStartingWith("digest: episode 'guid-1' has no enclosure, page or show link");
  }

  @Test
  void machine_transcripts_and_ai_text_are_labelled() {
    Episode ep = episode(Optional.of(new Enclosure("https://media.example.org/a.mp3", "audio/mpeg", -1)), "");
    DigestItem item = composer.item(new Pick(insight(10, true), show, ep, new TranscriptSource.Transcribed("Vosk", "vosk-model-en")));
    assertThat(item.provenance()).isEqualTo("machine transcript, Vosk");
    assertThat(item.aiWritten()).isTrue();
  }

  @Test
  void compose_keeps_the_ranked_order_and_an_empty_pick_list_is_an_empty_digest() {
    Episode ep = episode(Optional.of(new Enclosure("https://media.example.org/a.mp3", "audio/mpeg", -1)), "");
    Digest digest = composer.compose(new ComposeRequest("reader@example.com", LocalDate.of(2026, 11, 23),
        List.of(new Pick(insight(30, false), show, ep, published), new Pick(insight(10, false), show, ep, published))));
    assertThat(digest.items()).extracting(DigestItem::momentUrl)
        .containsExactly("https://media.example.org/a.mp3#t=30", "https://media.example.org/a.mp3#t=10");
    assertThat(composer.compose(new ComposeRequest("reader@example.com", LocalDate.of(2026, 11, 23), List.of())).isEmpty()).isTrue();
  }
}
