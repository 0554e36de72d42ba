package io.podinsights.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.podinsights.App;
import io.podinsights.config.Config;
import io.podinsights.config.Keys;
import io.podinsights.insight.Insight;
import io.podinsights.podcast.Enclosure;
import io.podinsights.podcast.Episode;
import io.podinsights.podcast.Show;
import io.podinsights.storage.DigestRow;
import io.podinsights.storage.FeedPollOutcome;
import io.podinsights.storage.Stage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same insight said on two shows becomes one digest item with both sources, and neither comes back later. */
class MergedInsightsIT {
  private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

  @TempDir Path dir;

  @Test
  void near_identical_insights_from_two_shows_are_one_item_with_two_sources() {
    MutableClock clock = new MutableClock(T0);
    Config config = Config.defaults().with(Map.of(Keys.DATA_DIR, dir.toString(), Keys.DIGEST_ZONE, "UTC"));
    try (App app = App.open(config, clock)) {
      float[] idea = unit(1, 0, 0);
      float[] sameIdea = unit(1, 0.05f, 0);
      float[] otherIdea = unit(0, 1, 0);
      seed(app, "Show A", "a", List.of(insight("Price on value, not on cost, from the first customer.", 0.9, 30)),
          List.of(idea));
      seed(app, "Show B", "b", List.of(
          insight("Charge for the value you create, not for what it costs you to build.", 0.8, 95),
          insight("Hire for the problems you have now, not the ones you might have later.", 0.7, 200)),
          List.of(sameIdea, otherIdea));

      DigestRow digest = app.digestService().build(LocalDate.of(2026, 11, 23)).orElseThrow();

      assertThat(digest.text()).contains("2 insights from 2 shows");
      assertThat(digest.text()).contains("Price on value").doesNotContain("Charge for the value");
      assertThat(digest.text()).contains("Also said in Show B · Episode b, at 1:35:", "https://example.com/b.mp3#t=95");
      assertThat(digest.html()).contains("Also said in <a href=\"https://example.com/b.mp3#t=95\"");
      assertThat(digest.insightIds()).hasSize(3);

      clock.advance(Duration.ofDays(1));
      assertThat(app.digestService().build(LocalDate.of(2026, 11, 24))).as("nothing left to send").isEmpty();
    }
  }

  private static Insight insight(String text, double score, int at) {
    return new Insight(text, text, Optional.of("Guest"), Duration.ofSeconds(at), Duration.ofSeconds(at + 20), score,
        Map.of(), false);
  }

  private static void seed(App app, String showTitle, String key, List<Insight> insights, List<float[]> embeddings) {
    long feed = app.feeds().add("https://example.com/" + key + ".xml", T0).feedId();
    Episode episode = new Episode(key, "Episode " + key, "", "", Optional.of(T0),
        Optional.of(new Enclosure("https://example.com/" + key + ".mp3", "audio/mpeg", 1000)), Optional.empty(),
        List.of(), List.of(), Optional.empty(), Optional.empty());
    Show show = new Show(showTitle, "https://example.com", "", "", "", "en", List.of());
    long id = app.episodes().addNew(feed, List.of(episode), new FeedPollOutcome.Fetched(show, Optional.empty(),
        Optional.empty(), Optional.empty(), T0, T0.plusSeconds(3600)), Stage.TRANSCRIPT, Set.of(key)).getFirst();
    app.insights().saveAndAdvance(id, insights, embeddings, T0);
  }

  private static float[] unit(float... v) {
    double n = 0;
    for (float x : v) n += x * x;
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) out[i] = (float) (v[i] / Math.sqrt(n));
    return out;
  }
}
