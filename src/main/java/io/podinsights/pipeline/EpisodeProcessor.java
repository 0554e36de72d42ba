package io.podinsights.pipeline;

import io.podinsights.storage.Stage;
import io.podinsights.storage.StageRepository;
import io.podinsights.storage.StageRow;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves episodes through their stages: claims what is due, runs the stage, and stores how it ended (done, retry at a
 * backoff time, or given up with the reason). Safe to run twice and from several processes: claims are exclusive.
 */
public final class EpisodeProcessor {
  private static final Logger LOG = LoggerFactory.getLogger(EpisodeProcessor.class);

  private final StageRepository stages;
  private final TranscriptStage transcripts;
  private final InsightStage insights;
  private final RetryPolicy retries;
  private final InstantSource clock;

  public EpisodeProcessor(StageRepository stages, TranscriptStage transcripts, InsightStage insights,
      RetryPolicy retries, InstantSource clock) {
    this.stages = stages;
    this.transcripts = transcripts;
    this.insights = insights;
    this.retries = retries;
    this.clock = clock;
  }

  /**
   * Runs every stage that is due, until none is; {@code events} hears a line per finished stage. Work is claimed one
   * episode at a time, so a crash holds only the lease of the episode it was working on.
   */
  public ProcessReport processDue(Consumer<StageEvent> events) {
    List<StageEvent> all = new ArrayList<>();
    boolean worked = true;
    while (worked) {
      worked = false;
      for (Stage stage : Stage.values()) {
        List<StageRow> claimed;
        while (!(claimed = stages.claimDue(stage, clock.instant(), lease(stage), 1)).isEmpty()) {
          StageRow row = claimed.getFirst();
          StageEvent event = run(row);
          all.add(event);
          events.accept(event);
          worked = true;
        }
      }
    }
    return new ProcessReport(all);
  }

  private StageEvent run(StageRow row) {
    StageOutcome outcome;
    try {
      outcome = switch (row.stage()) {
        case TRANSCRIPT -> transcripts.run(row.episodeId());
        case INSIGHTS -> insights.run(row.episodeId());
      };
    } catch (RuntimeException e) {
      LOG.warn("step={} episode={} error=\"{}\"", row.stage(), row.episodeId(), e.getMessage(), e);
      outcome = new StageOutcome.Retry(row.stage().name().toLowerCase(java.util.Locale.ROOT) + ": "
          + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    }
    Instant now = clock.instant();
    return switch (outcome) {
      case StageOutcome.Done d -> new StageEvent(row, StageEvent.Result.DONE, d.summary());
      case StageOutcome.Retry r -> {
        Optional<Instant> at = retries.retryAt(now, row.attempts());
        stages.fail(row.episodeId(), row.stage(), r.reason(), at, now);
        yield new StageEvent(row, at.isPresent() ? StageEvent.Result.RETRY : StageEvent.Result.GAVE_UP,
            r.reason() + at.map(t -> "; retry in " + FeedPoller.human(Duration.between(now, t))
                + " (attempt " + row.attempts() + " of " + retries.maxAttempts() + ")")
                .orElse("; gave up after " + row.attempts() + " attempts (podinsights process --retry tries again)"));
      }
      case StageOutcome.GiveUp g -> {
        stages.fail(row.episodeId(), row.stage(), g.reason(), Optional.empty(), now);
        yield new StageEvent(row, StageEvent.Result.GAVE_UP, g.reason());
      }
    };
  }

  /** Speech-to-text of a long episode takes a while; a worker that holds a claim longer than this is presumed dead. */
  private static Duration lease(Stage stage) {
    return switch (stage) {
      case TRANSCRIPT -> Duration.ofHours(3);
      case INSIGHTS -> Duration.ofMinutes(30);
    };
  }
}
