package io.podinsights.cli;

import io.podinsights.App;
import io.podinsights.digest.ClockTime;
import io.podinsights.storage.Stage;
import io.podinsights.storage.StageRow;
import io.podinsights.transcript.speech.ChunkStore;
import io.podinsights.transcript.speech.TranscriptionJob;

/** How far a running transcription is, read from the progress file speech-to-text keeps in its work directory. */
final class TranscriptionStatus {
  private TranscriptionStatus() {}

  static String describe(App app, StageRow row) {
    if (row.stage() != Stage.TRANSCRIPT) return "";
    return ChunkStore.readProgress(TranscriptionJob.workDirFor(app.config().dataDir(), "episode-" + row.episodeId()))
        .map(p -> String.format(": speech-to-text %s of %s (%.0f%%), %.1f× real time", ClockTime.format(p.done()),
            p.total().map(ClockTime::format).orElse("?"), p.fraction() * 100, p.speed()))
        .orElse("");
  }
}
