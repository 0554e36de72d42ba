package io.podinsights.transcript.speech;

/** The speech-to-text seam: audio file in, timed transcript out (resuming from the job's work directory). */
public interface Transcriber extends AutoCloseable {

  /** Transcribes {@code job.audio()}, reporting progress; throws {@link SpeechException} with a classified reason. */
  SpeechResult transcribe(TranscriptionJob job, ProgressListener listener);

  /** Releases the engine's model and native memory. */
  @Override
  void close();
}
