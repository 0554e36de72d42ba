package io.podinsights.transcript.speech;

/** Told how far a transcription is each time a chunk finishes (from worker threads: implementations must be thread-safe). */
@FunctionalInterface
public interface ProgressListener {
  ProgressListener NONE = p -> {};

  void onProgress(TranscriptionProgress progress);
}
