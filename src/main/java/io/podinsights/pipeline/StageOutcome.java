package io.podinsights.pipeline;

/** How one stage of one episode ended: done (its result saved), worth retrying later, or not worth retrying. */
sealed interface StageOutcome {
  /** The stage's result was saved and the episode moved on. */
  record Done(String summary) implements StageOutcome {}

  /** A passing failure (network, server, busy): try again after a backoff. */
  record Retry(String reason) implements StageOutcome {}

  /** Trying again can't help (nothing to transcribe, not English): shown to the user until they retry by hand. */
  record GiveUp(String reason) implements StageOutcome {}
}
