package io.podinsights.insight.llm;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.util.Map;

/** Builds the LangChain4j {@code ChatModel} for a config; the only place that knows the providers' builders. */
public final class ChatModelFactory {

  private ChatModelFactory() {}

  public static ChatModel create(LlmConfig config) {
    return switch (config.provider()) {
      case OPENAI_COMPATIBLE -> OpenAiChatModel.builder()
          .baseUrl(config.baseUrl())
          // Local OpenAI-compatible servers (llama.cpp, vLLM) take any key; the client insists on one.
          .apiKey(config.apiKey().orElse("no-key"))
          .modelName(config.model())
          .temperature(config.temperature())
          .maxTokens(config.maxAnswerTokens())
          .timeout(config.timeout())
          .maxRetries(config.maxRetries())
          .build();
      case ANTHROPIC -> AnthropicChatModel.builder()
          .baseUrl(config.baseUrl())
          .apiKey(config.apiKey().orElse("no-key"))
          .modelName(config.model())
          .temperature(config.temperature())
          .maxTokens(config.maxAnswerTokens())
          .timeout(config.timeout())
          .maxRetries(config.maxRetries())
          .build();
      case OLLAMA -> OllamaChatModel.builder()
          .baseUrl(config.baseUrl())
          .customHeaders(config.apiKey().map(k -> Map.of("Authorization", "Bearer " + k)).orElse(Map.of()))
          .modelName(config.model())
          .temperature(config.temperature())
          .numCtx(config.contextTokens())
          .numPredict(config.maxAnswerTokens())
          .timeout(config.timeout())
          .maxRetries(config.maxRetries())
          .build();
    };
  }
}
