package io.podinsights.transcript.speech;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One file to transcribe and the work directory that keeps its finished chunks and progress between runs (one per
 * episode, e.g. {@code <data>/speech/<episode-id>/}; see {@link #workDirFor}).
 */
public record TranscriptionJob(Path audio, Path workDir) {
  public TranscriptionJob {
    Objects.requireNonNull(audio, "speech: audio file");
    Objects.requireNonNull(workDir, "speech: work directory");
  }

  /** The conventional work directory of an episode: {@code <dataDir>/speech/<key>}, key made safe for a file name. */
  public static Path workDirFor(Path dataDir, String episodeKey) {
    String safe = episodeKey.replaceAll("[^A-Za-z0-9._-]", "_");
    if (safe.isEmpty() || safe.chars().allMatch(c -> c == '.')) safe = "_" + safe;
    if (safe.length() > 120) safe = safe.substring(0, 80) + "-" + Integer.toHexString(episodeKey.hashCode());
    return dataDir.resolve("speech").resolve(safe);
  }
}
