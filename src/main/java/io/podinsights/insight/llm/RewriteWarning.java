package io.podinsights.insight.llm;

import java.time.LocalDate;

/** Why some or all candidates kept their mined text instead of the model's rewrite. Shown to operators. */
public sealed interface RewriteWarning {

  /** Today's token budget is spent (or too small for this call): no call was made. */
  record BudgetExhausted(LocalDate day, long budget, long used, long needed, int candidates) implements RewriteWarning {}

  /** The model call failed after its retries: timeout, 5xx, refused connection, bad key. */
  record ModelFailed(String modelId, String reason, int candidates) implements RewriteWarning {}

  /** The model answered, but no JSON object with insights could be read from it. */
  record UnreadableAnswer(String modelId, String reason, String excerpt, int candidates) implements RewriteWarning {}

  /** The answer had no usable rewrite for this candidate. */
  record MissingRewrite(int candidate) implements RewriteWarning {}

  /** The supporting quote is not in the transcript (best in-order word coverage below the threshold). */
  record UngroundedQuote(int candidate, String quote, double match, double threshold) implements RewriteWarning {}

  /** The rewrite says something other than its quote (embedding similarity below the threshold). */
  record MeaningDrift(int candidate, double similarity, double threshold) implements RewriteWarning {}

  /** The rewrite is outside the house length (in words). */
  record WrongLength(int candidate, int words, int min, int max) implements RewriteWarning {}

  /** One line for logs and the operator page; candidates are numbered from 1 in the order given. */
  default String message() {
    return switch (this) {
      case BudgetExhausted b -> "insight-llm: daily token budget spent (" + b.used() + " of " + b.budget()
          + " tokens used on " + b.day() + ", this call needs about " + b.needed() + "); kept mined text for "
          + b.candidates() + " candidate(s); raise llm.dailyTokenBudget or wait for tomorrow";
      case ModelFailed f -> "insight-llm: " + f.modelId() + " failed after retries: " + f.reason()
          + "; kept mined text for " + f.candidates() + " candidate(s); check llm.baseUrl, llm.apiKey, llm.timeout";
      case UnreadableAnswer u -> "insight-llm: " + u.modelId() + " answered without readable JSON (" + u.reason()
          + "): \"" + u.excerpt() + "\"; kept mined text for " + u.candidates() + " candidate(s)";
      case MissingRewrite m -> "insight-llm: candidate " + m.candidate() + " had no rewrite in the answer; kept mined text";
      case UngroundedQuote q -> "insight-llm: candidate " + q.candidate() + " quote not found in the transcript (match "
          + String.format(java.util.Locale.ROOT, "%.2f < %.2f", q.match(), q.threshold()) + "): \""
          + q.quote() + "\"; kept mined text";
      case MeaningDrift d -> "insight-llm: candidate " + d.candidate() + " rewrite drifted from its quote (similarity "
          + String.format(java.util.Locale.ROOT, "%.2f < %.2f", d.similarity(), d.threshold()) + "); kept mined text";
      case WrongLength w -> "insight-llm: candidate " + w.candidate() + " rewrite has " + w.words() + " words, outside "
          + w.min() + ".." + w.max() + "; kept mined text";
    };
  }
}
