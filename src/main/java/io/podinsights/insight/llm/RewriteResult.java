package io.podinsights.insight.llm;

import io.podinsights.insight.Insight;
import java.util.List;

/**
 * The insights in the order of the candidates (rewritten where grounded, mined text otherwise), why any were kept,
 * and what it cost: tokens charged to today's budget, model calls made, answers served from the cache.
 */
public record RewriteResult(
    List<Insight> insights, List<RewriteWarning> warnings, long tokensUsed, int modelCalls, int cacheHits) {

  public RewriteResult {
    insights = List.copyOf(insights);
    warnings = List.copyOf(warnings);
    if (tokensUsed < 0 || modelCalls < 0 || cacheHits < 0) {
      throw new IllegalArgumentException("insight-llm: negative cost figures");
    }
  }

  public long rewrittenCount() {
    return insights.stream().filter(Insight::aiWritten).count();
  }
}
