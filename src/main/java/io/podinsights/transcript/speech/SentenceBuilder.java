package io.podinsights.transcript.speech;

import io.podinsights.transcript.Segment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a flat list of recognised words into readable segments: a pause of {@value #SENTENCE_PAUSE} s or more ends a
 * sentence (full stop, next word capitalised), and a segment ends at a long pause or at a sentence end once it is
 * long enough. Pure: no engine, no I/O.
 */
public final class SentenceBuilder {
  static final double SENTENCE_PAUSE = 0.5;
  static final double SEGMENT_PAUSE = 1.2;
  static final double SEGMENT_TARGET = 12;
  static final double SEGMENT_MAX = 30;
  private static final Set<String> ALWAYS_CAPITAL = Set.of("i", "i'm", "i've", "i'll", "i'd");

  private SentenceBuilder() {}

  public static List<Segment> segments(List<Word> words) {
    return build(words).stream().map(Built::segment).toList();
  }

  /** A segment with the words it was made from. */
  public record Built(Segment segment, List<Word> words) {
    public Built {
      words = List.copyOf(words);
    }
  }

  /** Like {@link #segments} but keeps each segment's words (for word-level output). */
  public static List<Built> build(List<Word> words) {
    List<Built> out = new ArrayList<>();
    List<Word> current = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    double segStart = 0;
    double lastEnd = 0;
    boolean sentenceStart = true;
    List<Word> clean = words.stream().filter(w -> !w.text().isBlank() && !w.text().equals("[unk]")).toList();
    for (int i = 0; i < clean.size(); i++) {
      Word w = clean.get(i);
      if (text.isEmpty()) segStart = w.start();
      current.add(w);
      if (!text.isEmpty()) text.append(' ');
      text.append(cased(w.text(), sentenceStart));
      lastEnd = w.end();
      double gap = i + 1 < clean.size() ? clean.get(i + 1).start() - w.end() : Double.POSITIVE_INFINITY;
      boolean sentenceEnds = gap >= SENTENCE_PAUSE;
      double length = w.end() - segStart;
      boolean endSegment = gap >= SEGMENT_PAUSE || (sentenceEnds && length >= SEGMENT_TARGET) || length >= SEGMENT_MAX;
      if (sentenceEnds) text.append('.');
      sentenceStart = sentenceEnds;
      if (endSegment) {
        out.add(new Built(Segment.of(segStart, lastEnd, null, text.toString()), current));
        text.setLength(0);
        current.clear();
      }
    }
    if (!text.isEmpty()) out.add(new Built(Segment.of(segStart, lastEnd, null, text.toString()), current));
    return out;
  }

  /** Phrases that engines already punctuated become one segment each. */
  public static List<Segment> fromPhrases(List<Phrase> phrases) {
    return phrases.stream().filter(p -> !p.text().isBlank())
        .map(p -> Segment.of(p.start(), p.end(), null, p.text()))
        .toList();
  }

  private static String cased(String word, boolean sentenceStart) {
    String lower = word.toLowerCase(Locale.ROOT);
    if (ALWAYS_CAPITAL.contains(lower)) return "I" + lower.substring(1);
    if (!sentenceStart || word.isEmpty()) return word;
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }
}
