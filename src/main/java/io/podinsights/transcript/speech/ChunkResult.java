package io.podinsights.transcript.speech;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What an engine recognised in one chunk, in episode time: words (Vosk) or punctuated phrases (whisper, API). This is
 * what the {@link ChunkStore} keeps so a restart does not recognise the chunk again.
 */
public record ChunkResult(
    @JsonProperty("index") int index,
    @JsonProperty("startSample") long startSample,
    @JsonProperty("sampleCount") long sampleCount,
    @JsonProperty("words") List<Word> words,
    @JsonProperty("phrases") List<Phrase> phrases) {
  public ChunkResult {
    words = words == null ? List.of() : List.copyOf(words);
    phrases = phrases == null ? List.of() : List.copyOf(phrases);
    if (index < 0 || startSample < 0 || sampleCount < 0) throw new IllegalArgumentException("speech: bad chunk result position");
  }

  public static ChunkResult empty(AudioChunk chunk) {
    return new ChunkResult(chunk.index(), chunk.startSample(), chunk.samples().length, List.of(), List.of());
  }

  public double seconds() {
    return sampleCount / (double) AudioDecoder.SAMPLE_RATE;
  }
}
