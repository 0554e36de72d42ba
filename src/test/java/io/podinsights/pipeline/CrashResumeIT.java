package io.podinsights.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.podinsights.App;
import io.podinsights.config.Config;
import io.podinsights.config.Keys;
import io.podinsights.storage.Stage;
import io.podinsights.storage.StageStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real crash: {@code podinsights process} runs in its own JVM and is killed with SIGKILL while it fetches a
 * transcript. The next run picks up where it stopped: finished work stays finished, the interrupted episode is
 * claimed again once its lease has run out, and nothing is done twice.
 */
class CrashResumeIT {
  @TempDir Path dir;

  @Test
  void a_process_killed_mid_stage_resumes_without_losing_or_repeating_work() throws Exception {
    CountDownLatch ep2Requested = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try (var server = new TestPodcastServer().serveDemo("/feed.xml")) {
      server.block("/transcripts/ep2.vtt", ep2Requested, release);
      Path toml = dir.resolve("podinsights.toml");
      Files.writeString(toml, "data-dir = \"" + dir.resolve("data") + "\"\n[fetch]\nallow-private-networks = true\n"
          + "[pipeline]\nbackfill = 10\n");
      Config config = Config.defaults().with(Map.of(Keys.DATA_DIR, dir.resolve("data").toString(),
          Keys.FETCH_ALLOW_PRIVATE_NETWORKS, "true", Keys.PIPELINE_BACKFILL, "10"));
      try (App app = App.open(config, java.time.InstantSource.system())) {
        app.feeds().add(server.base() + "/feed.xml", Instant.now());
        app.poller().pollDue((done, total) -> {});
      }

      Process child = new ProcessBuilder(javaBin(), "--enable-native-access=ALL-UNNAMED", "-cp",
          System.getProperty("java.class.path"), "io.podinsights.App", "process", "--config", toml.toString())
          .redirectErrorStream(true)
          .redirectOutput(dir.resolve("child.log").toFile())
          .start();
      assertThat(ep2Requested.await(120, TimeUnit.SECONDS)).as("the child reached episode 2").isTrue();
      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      release.countDown();

      MutableClock later = new MutableClock(Instant.now());
      try (App app = App.open(config, later)) {
        var transcripts = app.stages().counts().get(Stage.TRANSCRIPT);
        assertThat(transcripts.getOrDefault(StageStatus.RUNNING, 0)).as("the killed claim is still held").isEqualTo(1);
        assertThat(transcripts.getOrDefault(StageStatus.DONE, 0)).as("finished before the kill").isEqualTo(2);
        int ep4Fetches = server.hits("/transcripts/ep4.txt");

        app.processor().processDue(e -> {});
        assertThat(app.stages().counts().get(Stage.TRANSCRIPT))
            .as("episode 2 waits for its lease; the rest carry on")
            .containsEntry(StageStatus.RUNNING, 1).containsEntry(StageStatus.DONE, 3);
        assertThat(app.stages().counts().get(Stage.INSIGHTS)).containsEntry(StageStatus.DONE, 3);

        later.advance(Duration.ofHours(4));
        app.processor().processDue(e -> {});
        assertThat(app.stages().counts().get(Stage.TRANSCRIPT)).containsOnlyKeys(StageStatus.DONE)
            .containsEntry(StageStatus.DONE, 4);
        assertThat(app.stages().counts().get(Stage.INSIGHTS)).containsOnlyKeys(StageStatus.DONE)
            .containsEntry(StageStatus.DONE, 4);
        assertThat(server.hits("/transcripts/ep4.txt")).as("finished work is not redone").isEqualTo(ep4Fetches);
        assertThat(server.hits("/transcripts/ep2.vtt")).as("the interrupted fetch was retried once").isEqualTo(2);
        for (var episode : app.episodes().ofFeed(1)) {
          assertThat(app.insights().ofEpisode(episode.id())).as(episode.episode().title()).isNotEmpty();
        }
      }
    }
  }

  private static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
