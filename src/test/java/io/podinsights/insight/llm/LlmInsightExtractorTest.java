package io.podinsights.insight.llm;

import static org.assertj.core.api.Assertions.assertThat;

import io.podinsights.insight.Insight;
import io.podinsights.insight.InsightExtractor;
import io.podinsights.insight.llm.FakeModelServer.Protocol;
import io.podinsights.insight.llm.FakeModelServer.Reply;
import io.podinsights.insight.llm.LlmConfig.Provider;
import io.podinsights.transcript.Transcript;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LlmInsightExtractorTest {

  private final Transcript transcript = Fixtures.transcript("small-teams.transcript");
  private final List<Insight> mined = Fixtures.smallTeamsCandidates();
  private final InstantSource clock = InstantSource.fixed(Instant.parse("2026-11-23T12:00:00Z"));

  @Test
  void rewrites_only_the_top_candidates_and_passes_the_rest_through() throws Exception {
    try (FakeModelServer server = new FakeModelServer(Protocol.OPENAI,
        r -> new Reply.Text(Fixtures.read("good-answer.json"), 600, 120))) {
      LlmConfig config = LlmConfig.of(Provider.OPENAI_COMPATIBLE, server.baseUrl(), Optional.empty(), "fake-model")
          .withTimeout(Duration.ofSeconds(5));
      LlmInsightWriter writer = LlmInsightWriter.create(
          config, RewriteSettings.DEFAULTS, BgeTestEmbedder.shared(), LlmCache.none(), clock);
      InsightExtractor miner = t -> mined;

      List<Insight> out = new LlmInsightExtractor(miner, writer, 2).extract(transcript);

      assertThat(out).hasSize(3);
      assertThat(out.subList(0, 2)).allMatch(Insight::aiWritten);
      assertThat(out.get(2)).isEqualTo(mined.get(2));
      assertThat(server.requests().getFirst().body()).doesNotContain("decision record");
    }
  }

  @Test
  void with_the_model_down_the_mined_insights_come_back_unchanged() throws Exception {
    FakeModelServer server = new FakeModelServer(Protocol.OPENAI, r -> new Reply.Status(500, "{}"));
    String baseUrl = server.baseUrl();
    server.close();
    LlmConfig config = LlmConfig.of(Provider.OPENAI_COMPATIBLE, baseUrl, Optional.empty(), "fake-model")
        .withTimeout(Duration.ofSeconds(2))
        .withMaxRetries(0);
    LlmInsightWriter writer = LlmInsightWriter.create(
        config, RewriteSettings.DEFAULTS, BgeTestEmbedder.shared(), LlmCache.none(), clock);

    assertThat(new LlmInsightExtractor(t -> mined, writer, 5).extract(transcript)).isEqualTo(mined);
  }
}
