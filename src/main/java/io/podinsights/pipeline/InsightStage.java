package io.podinsights.pipeline;

import io.podinsights.insight.Insight;
import io.podinsights.insight.MinedInsight;
import io.podinsights.insight.NotEnglishException;
import io.podinsights.insight.OfflineMiner;
import io.podinsights.insight.llm.LlmInsightWriter;
import io.podinsights.storage.InsightRepository;
import io.podinsights.storage.TranscriptRepository;
import io.podinsights.transcript.Transcript;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** The insight stage of one episode: mine its transcript offline, let the LLM writer polish when one is set, save. */
public final class InsightStage {
  private final TranscriptRepository transcripts;
  private final InsightRepository insights;
  private final Supplier<OfflineMiner> miner;
  private final Optional<Supplier<LlmInsightWriter>> writer;
  private final InstantSource clock;

  public InsightStage(TranscriptRepository transcripts, InsightRepository insights, Supplier<OfflineMiner> miner,
      Optional<Supplier<LlmInsightWriter>> writer, InstantSource clock) {
    this.transcripts = transcripts;
    this.insights = insights;
    this.miner = miner;
    this.writer = writer;
    this.clock = clock;
  }

  StageOutcome run(long episodeId) {
    Optional<Transcript> transcript = transcripts.find(episodeId);
    if (transcript.isEmpty()) return new StageOutcome.Retry("insights: the episode's transcript is not saved yet");
    List<MinedInsight> mined;
    try {
      mined = miner.get().mine(transcript.get());
    } catch (NotEnglishException e) {
      return new StageOutcome.GiveUp(e.getMessage());
    }
    List<Insight> texts = mined.stream().map(MinedInsight::insight).toList();
    if (writer.isPresent() && !texts.isEmpty()) {
      texts = writer.get().get().rewrite(transcript.get(), texts).insights();
    }
    insights.saveAndAdvance(episodeId, texts, mined.stream().map(MinedInsight::embedding).toList(), clock.instant());
    return new StageOutcome.Done(mined.isEmpty() ? "no insights in this episode" : mined.size() + " insights");
  }
}
