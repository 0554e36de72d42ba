package io.podinsights.insight.llm;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach the optional language model and how much it may cost: provider, endpoint, key, model, per-call
 * timeout, retries, a daily token budget, temperature, the model's context size and the answer's token cap.
 */
public record LlmConfig(
    Provider provider,
    String baseUrl,
    Optional<String> apiKey,
    String model,
    Duration timeout,
    int maxRetries,
    long dailyTokenBudget,
    double temperature,
    int contextTokens,
    int maxAnswerTokens) {

  /** The wire protocol the model speaks. OpenAI-compatible covers OpenAI, llama.cpp server, vLLM and LM Studio. */
  public enum Provider {
    OPENAI_COMPATIBLE,
    ANTHROPIC,
    OLLAMA
  }

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
  public static final int DEFAULT_MAX_RETRIES = 2;
  public static final long DEFAULT_DAILY_TOKEN_BUDGET = 200_000;
  public static final double DEFAULT_TEMPERATURE = 0.2;
  public static final int DEFAULT_CONTEXT_TOKENS = 8_192;
  public static final int DEFAULT_MAX_ANSWER_TOKENS = 2_048;

  public LlmConfig {
    Objects.requireNonNull(provider, "insight-llm: provider");
    Objects.requireNonNull(apiKey, "insight-llm: apiKey");
    Objects.requireNonNull(timeout, "insight-llm: timeout");
    if (baseUrl == null || baseUrl.isBlank()) {
      throw new IllegalArgumentException("insight-llm: llm.baseUrl is empty; set it to the model server's URL");
    }
    URI uri = URI.create(baseUrl.strip());
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
      throw new IllegalArgumentException("insight-llm: llm.baseUrl " + baseUrl + " is not an http(s) URL");
    }
    baseUrl = baseUrl.strip();
    if (model == null || model.isBlank()) {
      throw new IllegalArgumentException("insight-llm: llm.model is empty; name the model to use");
    }
    apiKey = apiKey.map(String::strip).filter(k -> !k.isEmpty());
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("insight-llm: llm.timeout must be positive, got " + timeout);
    }
    if (maxRetries < 0 || maxRetries > 10) {
      throw new IllegalArgumentException("insight-llm: llm.maxRetries must be 0..10, got " + maxRetries);
    }
    if (dailyTokenBudget < 0) {
      throw new IllegalArgumentException("insight-llm: llm.dailyTokenBudget must be >= 0, got " + dailyTokenBudget);
    }
    if (!(temperature >= 0 && temperature <= 2)) {
      throw new IllegalArgumentException("insight-llm: llm.temperature must be 0..2, got " + temperature);
    }
    if (contextTokens < 1_024) {
      throw new IllegalArgumentException("insight-llm: llm.contextTokens must be >= 1024, got " + contextTokens);
    }
    if (maxAnswerTokens < 256 || maxAnswerTokens >= contextTokens) {
      throw new IllegalArgumentException(
          "insight-llm: llm.maxAnswerTokens must be >= 256 and below llm.contextTokens (" + contextTokens
              + "), got " + maxAnswerTokens);
    }
  }

  /** A config with every cost setting at its default. */
  public static LlmConfig of(Provider provider, String baseUrl, Optional<String> apiKey, String model) {
    return new LlmConfig(provider, baseUrl, apiKey, model, DEFAULT_TIMEOUT, DEFAULT_MAX_RETRIES,
        DEFAULT_DAILY_TOKEN_BUDGET, DEFAULT_TEMPERATURE, DEFAULT_CONTEXT_TOKENS, DEFAULT_MAX_ANSWER_TOKENS);
  }

  public LlmConfig withTimeout(Duration value) {
    return new LlmConfig(provider, baseUrl, apiKey, model, value, maxRetries, dailyTokenBudget, temperature,
        contextTokens, maxAnswerTokens);
  }

  public LlmConfig withMaxRetries(int value) {
    return new LlmConfig(provider, baseUrl, apiKey, model, timeout, value, dailyTokenBudget, temperature,
        contextTokens, maxAnswerTokens);
  }

  public LlmConfig withDailyTokenBudget(long value) {
    return new LlmConfig(provider, baseUrl, apiKey, model, timeout, maxRetries, value, temperature,
        contextTokens, maxAnswerTokens);
  }

  public LlmConfig withContextTokens(int value) {
    return new LlmConfig(provider, baseUrl, apiKey, model, timeout, maxRetries, dailyTokenBudget, temperature,
        value, maxAnswerTokens);
  }

  public LlmConfig withMaxAnswerTokens(int value) {
    return new LlmConfig(provider, baseUrl, apiKey, model, timeout, maxRetries, dailyTokenBudget, temperature,
        contextTokens, value);
  }

  /** Provider and model, as stored with cached answers and shown in warnings ({@code ollama/llama3.1:8b}). */
  public String modelId() {
    return provider.name().toLowerCase(java.util.Locale.ROOT) + "/" + model;
  }

  @Override
  public String toString() {
    return "LlmConfig[provider=" + provider + ", baseUrl=" + baseUrl + ", apiKey=" + (apiKey.isPresent() ? "***" : "none")
        + ", model=" + model + ", timeout=" + timeout + ", maxRetries=" + maxRetries + ", dailyTokenBudget="
        + dailyTokenBudget + ", temperature=" + temperature + ", contextTokens=" + contextTokens
        + ", maxAnswerTokens=" + maxAnswerTokens + "]";
  }
}
