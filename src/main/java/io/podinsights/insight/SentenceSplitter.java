package io.podinsights.insight;

import io.podinsights.transcript.Segment;
import io.podinsights.transcript.Transcript;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a transcript into sentences aligned to its timestamps (a sentence's time is interpolated by its character
 * position inside its segment). Unpunctuated speech-to-text gets breath-sized chunks split at discourse words.
 */
final class SentenceSplitter {
  private SentenceSplitter() {}

  static final int MAX_SENTENCE_WORDS = 45;
  private static final Pattern BOUNDARY = Pattern.compile("(?<=[.!?][\"'”’)\\]]{0,3})\\s+(?=[\"'“‘(\\[]?[\\p{Lu}\\d])");
  private static final Set<String> ABBREVIATIONS =
      Set.of("mr.", "mrs.", "ms.", "dr.", "prof.", "st.", "vs.", "etc.", "e.g.", "i.e.", "inc.", "jr.", "sr.", "u.s.",
          "no.", "approx.", "co.", "ltd.", "mt.", "a.m.", "p.m.");
  private static final Set<String> CHUNK_STARTERS =
      Set.of("so", "and", "but", "because", "then", "now", "if", "when", "which", "i", "we", "you", "the", "what", "or");

  static List<Sentence> split(Transcript transcript) {
    List<Sentence> out = new ArrayList<>();
    int turn = -1;
    Optional<String> lastSpeaker = Optional.of("\u0000");
    for (Segment seg : transcript.segments()) {
      if (seg.text().isBlank()) continue;
      if (!seg.speaker().equals(lastSpeaker)) {
        turn++;
        lastSpeaker = seg.speaker();
      }
      double s0 = seg.start().toMillis() / 1000.0;
      double s1 = Math.max(s0, seg.end().toMillis() / 1000.0);
      String text = seg.text();
      for (int[] span : spans(text)) {
        String raw = text.substring(span[0], span[1]).strip();
        String clean = Cleanup.clean(raw);
        if (Cleanup.words(clean) == 0) continue;
        double a = s0 + (s1 - s0) * span[0] / text.length();
        double b = s0 + (s1 - s0) * span[1] / text.length();
        out.add(new Sentence(out.size(), turn, seg.speaker(), raw, Cleanup.withFullStop(Cleanup.sentenceCase(clean)),
            Cleanup.words(clean), a, b));
      }
    }
    return out;
  }

  /** Character spans of the sentences in one segment's text. */
  static List<int[]> spans(String text) {
    List<int[]> spans = new ArrayList<>();
    int from = 0;
    Matcher m = BOUNDARY.matcher(text);
    while (m.find()) {
      if (endsWithAbbreviation(text, m.start())) continue;
      addChunked(spans, text, from, m.start());
      from = m.end();
    }
    addChunked(spans, text, from, text.length());
    return spans;
  }

  private static boolean endsWithAbbreviation(String text, int end) {
    int i = end - 1;
    while (i >= 0 && !Character.isWhitespace(text.charAt(i))) i--;
    String word = text.substring(i + 1, end).toLowerCase(Locale.ROOT).replaceAll("[\"'”’)\\]]+$", "");
    return ABBREVIATIONS.contains(word) || word.matches("(?:[a-z]\\.){2,}") || word.matches("[a-z]\\.");
  }

  /** Adds [from, to) as one sentence, or as breath-sized chunks when it is a long run without punctuation. */
  private static void addChunked(List<int[]> spans, String text, int from, int to) {
    if (to <= from || text.substring(from, to).isBlank()) return;
    List<int[]> words = new ArrayList<>();
    Matcher w = Pattern.compile("\\S+").matcher(text).region(from, to);
    while (w.find()) words.add(new int[] {w.start(), w.end()});
    if (words.size() <= MAX_SENTENCE_WORDS) {
      spans.add(new int[] {from, to});
      return;
    }
    int start = 0;
    for (int i = 1; i < words.size(); i++) {
      int len = i - start;
      String word = text.substring(words.get(i)[0], words.get(i)[1]).toLowerCase(Locale.ROOT);
      String prev = text.substring(words.get(i - 1)[0], words.get(i - 1)[1]);
      boolean pause = prev.endsWith(",") || prev.endsWith(";") || prev.endsWith(":") || prev.endsWith("--");
      boolean soft = len >= 12 && (CHUNK_STARTERS.contains(word) || pause);
      if ((soft && words.size() - i >= 6) || len >= 25) {
        spans.add(new int[] {words.get(start)[0], words.get(i - 1)[1]});
        start = i;
      }
    }
    spans.add(new int[] {words.get(start)[0], words.get(words.size() - 1)[1]});
  }
}
