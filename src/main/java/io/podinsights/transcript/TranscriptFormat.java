package io.podinsights.transcript;

/** Transcript formats we read, in order of preference: richer timing and speakers first. */
public enum TranscriptFormat {
  JSON, VTT, SRT, HTML, TEXT
}
