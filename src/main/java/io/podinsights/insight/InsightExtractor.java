package io.podinsights.insight;

import io.podinsights.transcript.Transcript;
import java.util.List;

/** Finds the insights in one transcript, best first. The seam between the offline miner and the LLM writer. */
public interface InsightExtractor {
  List<Insight> extract(Transcript transcript);
}
