package io.podinsights.insight.llm;

import io.podinsights.insight.Insight;
import io.podinsights.insight.InsightExtractor;
import io.podinsights.transcript.Transcript;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An extractor that runs the offline miner, then lets the LLM writer rewrite the best {@code rewriteTop} candidates;
 * the rest pass through as mined. Warnings are logged; callers that want them use {@link LlmInsightWriter} directly.
 */
public final class LlmInsightExtractor implements InsightExtractor {

  private static final Logger log = LoggerFactory.getLogger(LlmInsightExtractor.class);

  private final InsightExtractor miner;
  private final LlmInsightWriter writer;
  private final int rewriteTop;

  public LlmInsightExtractor(InsightExtractor miner, LlmInsightWriter writer, int rewriteTop) {
    this.miner = Objects.requireNonNull(miner, "insight-llm: miner");
    this.writer = Objects.requireNonNull(writer, "insight-llm: writer");
    if (rewriteTop < 0) throw new IllegalArgumentException("insight-llm: rewriteTop must be >= 0, got " + rewriteTop);
    this.rewriteTop = rewriteTop;
  }

  @Override
  public List<Insight> extract(Transcript transcript) {
    List<Insight> mined = miner.extract(transcript);
    int n = Math.min(rewriteTop, mined.size());
    RewriteResult result = writer.rewrite(transcript, mined.subList(0, n));
    for (RewriteWarning w : result.warnings()) log.warn("{}", w.message());
    log.info("event=llm_rewrite candidates={} rewritten={} tokens={} calls={} cache_hits={}",
        n, result.rewrittenCount(), result.tokensUsed(), result.modelCalls(), result.cacheHits());
    List<Insight> out = new ArrayList<>(result.insights());
    out.addAll(mined.subList(n, mined.size()));
    return out;
  }
}
