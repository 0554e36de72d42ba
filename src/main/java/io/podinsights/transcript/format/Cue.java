package io.podinsights.transcript.format;

import io.podinsights.transcript.Segment;
import io.podinsights.transcript.Transcript;
import io.podinsights.transcript.TranscriptSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One timed piece of a transcript file while it is being read. {@link #toTranscript} holds the rules every parser
 * shares. Timing: cues are stably sorted by start (document order among equal starts); overlapping cues keep their own
 * times (an end may pass the next start); an end before its own start becomes that start; nothing is negative; cues
 * without text are dropped; consecutive cues of one speaker stay separate. Word-level files (at least
 * {@value #MIN_WORD_CUES} cues, four in five of them one word, as Podcasting 2.0 JSON and whisper word VTT are) are joined into sentences: a sentence ends at a change of
 * speaker, a word ending in . ! ? … or a line break, a pause over {@value #PAUSE_MILLIS} ms, or {@value #MAX_WORDS} words.
 */
record Cue(Duration start, Duration end, Optional<String> speaker, String text) {
  static final long PAUSE_MILLIS = 2000;
  static final int MAX_WORDS = 60;
  /** Fewer cues than this are never taken for a word-level file ("Yes." / "No." stays two segments). */
  static final int MIN_WORD_CUES = 5;
  private static final Pattern SENTENCE_END = Pattern.compile(".*[.!?…][\"'”’)\\]]*$", Pattern.DOTALL);
  private static final Pattern PUNCTUATION_ONLY = Pattern.compile("[\\p{P}&&[^(\\[\"“‘'¿¡]]+");

  static Transcript toTranscript(List<Cue> cues, TranscriptSource source) {
    List<Cue> sorted = new ArrayList<>(cues.size());
    for (Cue c : cues) {
      if (!Markup.collapse(c.text()).isEmpty()) sorted.add(c);
    }
    sorted.sort(Comparator.comparing(Cue::start));
    List<Cue> readable = wordByWord(sorted) ? sentences(sorted) : sorted;
    List<Segment> segments = new ArrayList<>(readable.size());
    for (Cue c : readable) {
      Duration start = c.start().isNegative() ? Duration.ZERO : c.start();
      segments.add(new Segment(start, c.end(), c.speaker(), Markup.collapse(c.text())));
    }
    return new Transcript(segments, source);
  }

  private static boolean wordByWord(List<Cue> cues) {
    long single = cues.stream().filter(c -> isOneWord(c.text().strip())).count();
    return cues.size() >= MIN_WORD_CUES && single * 5 >= cues.size() * 4L;
  }

  private static boolean isOneWord(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isWhitespace(s.charAt(i))) return false;
    }
    return true;
  }

  private static List<Cue> sentences(List<Cue> words) {
    List<Cue> out = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    Cue first = null;
    Cue last = null;
    int count = 0;
    for (Cue w : words) {
      String word = Markup.collapse(w.text());
      boolean pause = last != null && w.start().minus(last.end()).toMillis() > PAUSE_MILLIS;
      if (first != null && (!w.speaker().equals(first.speaker()) || pause)) {
        out.add(new Cue(first.start(), last.end(), first.speaker(), text.toString()));
        first = null;
      }
      if (first == null) {
        first = w;
        text.setLength(0);
        count = 0;
      }
      if (!text.isEmpty() && !PUNCTUATION_ONLY.matcher(word).matches()) text.append(' ');
      text.append(word);
      count++;
      last = w;
      if (SENTENCE_END.matcher(word).matches() || w.text().stripLeading().endsWith("\n") || count >= MAX_WORDS) {
        out.add(new Cue(first.start(), last.end(), first.speaker(), text.toString()));
        first = null;
      }
    }
    if (first != null) out.add(new Cue(first.start(), last.end(), first.speaker(), text.toString()));
    return out;
  }
}
