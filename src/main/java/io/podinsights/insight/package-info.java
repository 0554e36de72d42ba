/**
 * Step 3: mines a transcript for insights. Pure: takes a {@code Transcript}, returns insights; no storage, no HTTP.
 * {@code OfflineMiner} (default, offline) and the {@code llm} writer implement {@code InsightExtractor};
 * {@code BgeSmallEmbedder} is the in-process embedding model; {@code InsightMerger} folds near-duplicates across
 * episodes; {@code SoftRecall} and {@code StandaloneCheck} are the evaluation metrics. Imports {@code transcript},
 * {@code podcast} and LangChain4j's embedding model only.
 */
package io.podinsights.insight;
