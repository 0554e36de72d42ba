package io.podinsights.transcript.speech;

/**
 * Recognises speech in one chunk at a time. One engine (one loaded model) is shared by all workers; each worker
 * thread gets its own {@link Worker} for per-thread native state (a Vosk recognizer, a whisper state).
 */
public interface SpeechEngine extends AutoCloseable {

  /** The engine name recorded in the transcript's source (vosk, whisper, api). */
  String name();

  /** The model recorded in the transcript's source. */
  String model();

  /** A recogniser for the calling thread; closed when the transcription ends. */
  Worker newWorker();

  @Override
  void close();

  /** Per-thread recognition state. */
  interface Worker extends AutoCloseable {

    /** The words or phrases in {@code chunk}, with times in the episode (already shifted by the chunk's start). */
    ChunkResult recognize(AudioChunk chunk);

    @Override
    void close();
  }
}
