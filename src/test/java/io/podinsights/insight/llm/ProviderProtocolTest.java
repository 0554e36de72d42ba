package io.podinsights.insight.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.podinsights.insight.Embedder;
import io.podinsights.insight.Insight;
import io.podinsights.insight.llm.FakeModelServer.Protocol;
import io.podinsights.insight.llm.FakeModelServer.Reply;
import io.podinsights.insight.llm.LlmConfig.Provider;
import io.podinsights.transcript.Transcript;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each provider's ChatModel, as the factory builds it, speaks its own protocol to a local fake server. */
class ProviderProtocolTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static Embedder embedder;
  private final Transcript transcript = Fixtures.transcript("small-teams.transcript");
  private final List<Insight> candidates = Fixtures.smallTeamsCandidates();
  private final InstantSource clock = InstantSource.fixed(Instant.parse("2026-11-23T12:00:00Z"));

  @BeforeAll
  static void loadEmbedder() {
    embedder = BgeTestEmbedder.shared();
  }

  private RewriteResult run(FakeModelServer server, Provider provider) {
    LlmConfig config = LlmConfig.of(provider, server.baseUrl(), Optional.of("secret-key"), "fake-model")
        .withTimeout(Duration.ofSeconds(5))
        .withMaxRetries(0);
    return LlmInsightWriter.create(config, RewriteSettings.DEFAULTS, embedder, LlmCache.none(), clock)
        .rewrite(transcript, candidates);
  }

  @Test
  void openai_compatible_posts_chat_completions_with_a_bearer_key() throws Exception {
    try (FakeModelServer server = new FakeModelServer(Protocol.OPENAI,
        r -> new Reply.Text(Fixtures.read("good-answer.json"), 900, 150))) {
      RewriteResult result = run(server, Provider.OPENAI_COMPATIBLE);

      assertThat(result.rewrittenCount()).isEqualTo(3);
      assertThat(result.tokensUsed()).isEqualTo(1050);
      FakeModelServer.Request request = server.requests().getFirst();
      assertThat(request.method()).isEqualTo("POST");
      assertThat(request.path()).isEqualTo("/v1/chat/completions");
      assertThat(request.headers()).containsEntry("authorization", "Bearer secret-key");
      JsonNode body = JSON.readTree(request.body());
      assertThat(body.path("model").asText()).isEqualTo("fake-model");
      assertThat(body.path("max_tokens").asInt()).isEqualTo(LlmConfig.DEFAULT_MAX_ANSWER_TOKENS);
      assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("system");
    }
  }

  @Test
  void anthropic_posts_messages_with_its_key_header() throws Exception {
    try (FakeModelServer server = new FakeModelServer(Protocol.ANTHROPIC,
        r -> new Reply.Text(Fixtures.read("good-answer.json"), 900, 150))) {
      RewriteResult result = run(server, Provider.ANTHROPIC);

      assertThat(result.warnings()).isEmpty();
      assertThat(result.rewrittenCount()).isEqualTo(3);
      assertThat(result.tokensUsed()).isEqualTo(1050);
      FakeModelServer.Request request = server.requests().getFirst();
      assertThat(request.path()).isEqualTo("/v1/messages");
      assertThat(request.headers()).containsEntry("x-api-key", "secret-key").containsKey("anthropic-version");
      JsonNode body = JSON.readTree(request.body());
      assertThat(body.path("model").asText()).isEqualTo("fake-model");
      assertThat(body.path("system").toString()).contains("You edit a daily digest of podcast insights");
    }
  }

  @Test
  void ollama_posts_api_chat_with_the_context_size() throws Exception {
    try (FakeModelServer server = new FakeModelServer(Protocol.OLLAMA,
        r -> new Reply.Text(Fixtures.read("good-answer.json"), 900, 150))) {
      RewriteResult result = run(server, Provider.OLLAMA);

      assertThat(result.warnings()).isEmpty();
      assertThat(result.rewrittenCount()).isEqualTo(3);
      assertThat(result.tokensUsed()).isEqualTo(1050);
      FakeModelServer.Request request = server.requests().getFirst();
      assertThat(request.path()).isEqualTo("/api/chat");
      assertThat(request.headers()).containsEntry("authorization", "Bearer secret-key");
      JsonNode body = JSON.readTree(request.body());
      assertThat(body.path("model").asText()).isEqualTo("fake-model");
      assertThat(body.path("stream").asBoolean()).isFalse();
      assertThat(body.path("options").path("num_ctx").asInt()).isEqualTo(LlmConfig.DEFAULT_CONTEXT_TOKENS);
    }
  }
}
