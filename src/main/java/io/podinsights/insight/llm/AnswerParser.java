package io.podinsights.insight.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the model's JSON answer. Tolerates one layer of wrapping: the object alone, inside a Markdown code fence, or
 * between prose (first '{' to last '}'). Anything else is unreadable; the model is never asked twice.
 */
final class AnswerParser {

  /** One rewrite the model proposes for candidate {@code id}; {@code start} is its own time label, if given. */
  record Proposal(int id, String insight, String quote, Optional<Duration> start) {}

  /** What came out of an answer. */
  sealed interface Parsed {
    record Proposals(List<Proposal> proposals) implements Parsed {}

    record Unreadable(String reason) implements Parsed {}
  }

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final Pattern FENCE = Pattern.compile("```[a-zA-Z]*\\s*\\n?(.*?)```", Pattern.DOTALL);
  private static final Pattern CLOCK = Pattern.compile("(?:(\\d+):)?(\\d{1,2}):(\\d{1,2})(?:\\.\\d+)?");

  private AnswerParser() {}

  static Parsed parse(String answer) {
    if (answer == null || answer.isBlank()) return new Parsed.Unreadable("empty answer");
    Optional<JsonNode> root = read(answer.strip());
    if (root.isEmpty()) {
      Matcher fence = FENCE.matcher(answer);
      if (fence.find()) root = read(fence.group(1).strip());
    }
    if (root.isEmpty()) {
      int open = answer.indexOf('{');
      int close = answer.lastIndexOf('}');
      if (open >= 0 && close > open) root = read(answer.substring(open, close + 1));
    }
    if (root.isEmpty()) return new Parsed.Unreadable("no JSON object found");
    JsonNode items = root.get().isArray() ? root.get() : root.get().path("insights");
    if (!items.isArray()) return new Parsed.Unreadable("JSON has no \"insights\" array");
    List<Proposal> out = new ArrayList<>();
    for (JsonNode item : items) {
      Optional<Integer> id = id(item.path("id"));
      String insight = text(item, "insight", "text");
      String quote = text(item, "quote", "supporting_quote");
      if (id.isEmpty() || insight.isBlank()) continue;
      out.add(new Proposal(id.get(), insight.strip(), quote.strip(), start(item.path("start"))));
    }
    return new Parsed.Proposals(out);
  }

  private static Optional<JsonNode> read(String text) {
    try {
      JsonNode node = JSON.readTree(text);
      return node != null && (node.isObject() || node.isArray()) ? Optional.of(node) : Optional.empty();
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  private static Optional<Integer> id(JsonNode node) {
    if (node.canConvertToInt() && node.isIntegralNumber()) return Optional.of(node.intValue());
    if (node.isTextual()) {
      String digits = node.asText().replaceAll("\\D", "");
      if (!digits.isEmpty() && digits.length() < 7) return Optional.of(Integer.parseInt(digits));
    }
    return Optional.empty();
  }

  private static String text(JsonNode item, String name, String alias) {
    JsonNode n = item.has(name) ? item.get(name) : item.path(alias);
    return n.isTextual() ? n.asText() : "";
  }

  private static Optional<Duration> start(JsonNode node) {
    if (node.isNumber() && node.asDouble() >= 0) return Optional.of(Duration.ofMillis(Math.round(node.asDouble() * 1000)));
    if (!node.isTextual()) return Optional.empty();
    Matcher m = CLOCK.matcher(node.asText().strip());
    if (!m.matches()) return Optional.empty();
    long h = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
    return Optional.of(Duration.ofSeconds(h * 3600 + Long.parseLong(m.group(2)) * 60 + Long.parseLong(m.group(3))));
  }
}
