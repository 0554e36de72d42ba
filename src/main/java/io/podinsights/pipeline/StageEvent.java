package io.podinsights.pipeline;

import io.podinsights.storage.StageRow;

/** One finished stage run, for progress output: which episode and stage, how it ended, and a line about it. */
public record StageEvent(StageRow row, Result result, String message) {
  /** How the run ended. */
  public enum Result { DONE, RETRY, GAVE_UP }
}
