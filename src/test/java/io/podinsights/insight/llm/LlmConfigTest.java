package io.podinsights.insight.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.podinsights.insight.llm.LlmConfig.Provider;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LlmConfigTest {

  @Test
  void defaults_are_bounded_and_the_key_never_prints() {
    LlmConfig c = LlmConfig.of(Provider.ANTHROPIC, " https://api.anthropic.com/v1/ ", Optional.of("sk-secret"), "claude");

    assertThat(c.baseUrl()).isEqualTo("https://api.anthropic.com/v1/");
    assertThat(c.timeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(c.maxRetries()).isEqualTo(2);
    assertThat(c.dailyTokenBudget()).isEqualTo(200_000);
    assertThat(c.modelId()).isEqualTo("anthropic/claude");
    assertThat(c.toString()).doesNotContain("sk-secret").contains("apiKey=***");
  }

  @Test
  void a_blank_key_counts_as_none() {
    assertThat(LlmConfig.of(Provider.OLLAMA, "http://localhost:11434", Optional.of("  "), "llama3").apiKey()).isEmpty();
  }

  @Test
  void rejects_settings_that_cannot_work_with_a_message_naming_the_key() {
    assertThatThrownBy(() -> LlmConfig.of(Provider.OLLAMA, "localhost:11434", Optional.empty(), "llama3"))
        .hasMessageContaining("llm.baseUrl");
    assertThatThrownBy(() -> LlmConfig.of(Provider.OLLAMA, "http://localhost:11434", Optional.empty(), " "))
        .hasMessageContaining("llm.model");
    LlmConfig ok = LlmConfig.of(Provider.OPENAI_COMPATIBLE, "http://127.0.0.1:8080/v1", Optional.empty(), "m");
    assertThatThrownBy(() -> ok.withTimeout(Duration.ZERO)).hasMessageContaining("llm.timeout");
    assertThatThrownBy(() -> ok.withMaxRetries(-1)).hasMessageContaining("llm.maxRetries");
    assertThatThrownBy(() -> ok.withDailyTokenBudget(-5)).hasMessageContaining("llm.dailyTokenBudget");
    assertThatThrownBy(() -> ok.withContextTokens(2_000)).hasMessageContaining("llm.maxAnswerTokens");
  }
}
