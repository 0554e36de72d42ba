package io.podinsights.transcript.speech;

import io.podinsights.transcript.Transcript;
import java.util.List;
import java.util.Objects;

/**
 * A finished transcription: the transcript, every word with its time (empty for engines that give only phrases), the
 * words of each segment (same order as the transcript's segments), the decode report (warnings such as truncation),
 * and how many chunks were recognised now versus reused from a previous run.
 */
public record SpeechResult(
    Transcript transcript, List<Word> words, List<List<Word>> segmentWords, DecodeReport decode, int chunks,
    int chunksRecognised, int chunksResumed) {
  public SpeechResult {
    Objects.requireNonNull(transcript, "speech: transcript");
    Objects.requireNonNull(decode, "speech: decode report");
    words = List.copyOf(words);
    segmentWords = segmentWords.stream().map(List::copyOf).toList();
    if (segmentWords.size() != transcript.segments().size())
      throw new IllegalArgumentException("speech: words per segment do not match the segments");
  }

  public List<String> warnings() {
    return decode.warnings();
  }
}
