package io.podinsights.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.podinsights.App;
import io.podinsights.config.Config;
import io.podinsights.config.Keys;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code llm.provider} set, the pipeline sends the mined candidates to the model; a model that answers nonsense
 * costs nothing but the call: the mined insights are kept, none marked AI-written.
 */
class LlmWriterWiringIT {
  private static final String NONSENSE = """
      {"id":"x","object":"chat.completion","created":1,"model":"fake","choices":[{"index":0,"finish_reason":"stop",
      "message":{"role":"assistant","content":"I am not sure what you mean."}}],
      "usage":{"prompt_tokens":10,"completion_tokens":5,"total_tokens":15}}
      """;

  @TempDir Path dir;

  @Test
  void a_configured_model_is_asked_and_its_nonsense_is_not_trusted() throws Exception {
    try (var server = new TestPodcastServer().serveDemo("/feed.xml")) {
      server.serve("/v1/chat/completions", "application/json", NONSENSE);
      Config config = Config.defaults().with(Map.of(
          Keys.DATA_DIR, dir.toString(),
          Keys.FETCH_ALLOW_PRIVATE_NETWORKS, "true",
          Keys.PIPELINE_BACKFILL, "1",
          Keys.LLM_PROVIDER, "openai",
          Keys.LLM_BASE_URL, server.base() + "/v1",
          Keys.LLM_MODEL, "fake-model"));
      try (App app = App.open(config, InstantSource.system())) {
        app.feeds().add(server.base() + "/feed.xml", Instant.now());
        app.poller().pollDue((done, total) -> {});
        ProcessReport report = app.processor().processDue(e -> {});

        assertThat(report.count(StageEvent.Result.DONE)).isEqualTo(2);
        assertThat(server.hits("/v1/chat/completions")).isPositive();
        var episode = app.episodes().ofFeed(1).getFirst();
        assertThat(app.insights().ofEpisode(episode.id())).isNotEmpty()
            .allSatisfy(i -> assertThat(i.insight().aiWritten()).isFalse());
      }
    }
  }
}
