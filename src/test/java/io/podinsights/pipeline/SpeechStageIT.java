package io.podinsights.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.podinsights.App;
import io.podinsights.config.Config;
import io.podinsights.config.Keys;
import io.podinsights.storage.Stage;
import io.podinsights.storage.StageStatus;
import io.podinsights.storage.StoredEpisode;
import io.podinsights.transcript.TranscriptSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An episode whose publisher transcript can't be read goes to speech-to-text on its own: the audio is downloaded
 * through the guarded client, transcribed with Vosk, stored as a machine transcript, and deleted; an enclosure that
 * is not audio is given up with the reason.
 */
class SpeechStageIT {
  private static final String FEED = """
      <?xml version="1.0" encoding="UTF-8"?>
      <rss version="2.0" xmlns:podcast="https://podcastindex.org/namespace/1.0"><channel>
      <title>Speeches</title><link>{{BASE}}/</link>
      <item><title>Inaugural</title><guid>jfk</guid><pubDate>Mon, 16 Nov 2026 06:00:00 +0000</pubDate>
      <enclosure url="{{BASE}}/jfk.wav" type="audio/wav" length="352078"/>
      <podcast:transcript url="{{BASE}}/jfk.srt" type="application/x-subrip"/></item>
      <item><title>Broken audio</title><guid>page</guid><pubDate>Sun, 15 Nov 2026 06:00:00 +0000</pubDate>
      <enclosure url="{{BASE}}/page.mp3" type="audio/mpeg" length="100"/></item>
      </channel></rss>
      """;

  @TempDir Path dir;

  @Test
  void episodes_without_a_readable_transcript_are_transcribed_from_their_audio() throws Exception {
    Path jfk = Path.of("..", "shared", "data", "audio", "jfk.wav");
    Assumptions.assumeTrue(Files.isRegularFile(jfk), "../shared/data/audio/jfk.wav is absent; skipping");
    try (var server = new TestPodcastServer()) {
      server.serve("/feed.xml", "application/rss+xml", FEED);
      server.serve("/jfk.wav", 200, "audio/wav", Files.readAllBytes(jfk));
      server.serve("/page.mp3", 200, "audio/mpeg", "<html><body>Moved</body></html>".getBytes());
      Config config = Config.defaults().with(Map.of(Keys.DATA_DIR, dir.toString(),
          Keys.FETCH_ALLOW_PRIVATE_NETWORKS, "true"));
      try (App app = App.open(config, InstantSource.system())) {
        app.feeds().add(server.base() + "/feed.xml", Instant.now());
        app.poller().pollDue((done, total) -> {});
        app.processor().processDue(e -> {});

        StoredEpisode speech = app.episodes().ofFeed(1).stream()
            .filter(e -> e.episode().guid().equals("jfk")).findFirst().orElseThrow();
        var transcript = app.transcripts().find(speech.id()).orElseThrow();
        assertThat(transcript.source()).isInstanceOf(TranscriptSource.Transcribed.class);
        assertThat(transcript.source().describe()).isEqualTo("machine transcript, vosk");
        assertThat(transcript.text().toLowerCase()).contains("what your country can do for you", "ask what you can do for your country");
        assertThat(server.hits("/jfk.srt")).as("the publisher transcript was tried first").isEqualTo(1);
        assertThat(app.stages().find(speech.id(), Stage.INSIGHTS).orElseThrow().status()).isEqualTo(StageStatus.DONE);
        assertThat(dir.resolve("audio")).isEmptyDirectory();

        StoredEpisode broken = app.episodes().ofFeed(1).stream()
            .filter(e -> e.episode().guid().equals("page")).findFirst().orElseThrow();
        var row = app.stages().find(broken.id(), Stage.TRANSCRIPT).orElseThrow();
        assertThat(row.status()).isEqualTo(StageStatus.ABANDONED);
        assertThat(row.lastError()).hasValueSatisfying(e -> assertThat(e).contains("not audio"));
      }
    }
  }
}
