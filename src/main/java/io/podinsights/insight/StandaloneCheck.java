package io.podinsights.insight;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The rules a standalone insight must pass: length, complete sentences, no dangling opening, no question, no ad. */
public final class StandaloneCheck {
  private StandaloneCheck() {}

  static final Set<String> DANGLING = Set.of("this", "that", "these", "those", "it", "it's", "its", "he", "she",
      "they", "they're", "them", "his", "her", "their", "which", "who", "so", "and", "but", "that's", "this's", "he's",
      "she's", "also", "or", "because", "then", "there", "here", "yeah", "yes", "no", "right", "exactly", "totally", "instead", "however", "otherwise", "anyway", "besides",
      "meanwhile", "plus", "though", "likewise", "similarly", "thus", "therefore", "hence", "again");

  /** Words that open a verbless fragment when the first sentence is this short ("From day one.", "Not at first."). */
  static final Set<String> FRAGMENT = Set.of("from", "not", "in", "on", "at", "for", "with", "by", "about", "after",
      "before", "like", "just", "only", "especially", "probably", "maybe", "mostly", "definitely", "absolutely", "sure",
      "well", "okay", "oh", "um", "uh", "sometimes", "usually", "kind", "sort", "a", "an", "the", "some", "more", "less",
      "too", "very", "pretty", "super", "really", "even", "still", "again", "now", "all", "both", "either", "neither",
      "until", "since", "during", "without", "through", "over", "under", "into", "of", "as", "than", "if", "when",
      "while", "where", "why", "how", "what", "wow", "great", "good", "interesting", "hmm", "huh", "mm", "cool");
  static final int FRAGMENT_WORDS = 5;
  /** Pronouns whose referent a short opening sentence leaves behind ("Leave them alone for a while."). */
  static final Set<String> REFERENTS = Set.of("them", "it", "this", "that", "those", "these", "him", "her", "there");
  static final int REFERENT_WORDS = 7;

  /** The rules the text breaks (empty when it stands alone); {@code transcriptText} checks the quote is verbatim. */
  public static List<String> violations(String text, String quote, String transcriptText) {
    List<String> out = new ArrayList<>();
    int words = Cleanup.words(text);
    if (words < 25 || words > 90) out.add("length " + words + " words (want 25-90)");
    String t = text.strip();
    if (t.isEmpty() || !Character.isUpperCase(t.codePointAt(0)) && !Character.isDigit(t.codePointAt(0)))
      out.add("does not start a sentence");
    if (!t.matches("(?s).*[.!][\"'”’)]*$"))
      out.add(t.matches("(?s).*\\?[\"'”’)]*$") ? "ends with a question" : "incomplete sentence");
    if (danglingStart(t)) out.add("opens with a dangling reference: " + firstWord(t));
    if (opensWithQuestion(t)) out.add("opens with a question");
    if (fragmentStart(t)) out.add("opens with a fragment: " + t.split("(?<=[.!?])\\s", 2)[0]);
    if (AdDetector.sponsor(t)) out.add("sponsor read");
    if (!normalise(transcriptText).contains(normalise(quote))) out.add("quote not verbatim in the transcript");
    return out;
  }

  static boolean opensWithQuestion(String text) {
    int q = text.indexOf('?');
    int stop = text.indexOf(". ");
    int bang = text.indexOf("! ");
    if (bang >= 0 && (stop < 0 || bang < stop)) stop = bang;
    return q >= 0 && (stop < 0 || q < stop);
  }

  /** The text opens with a short sentence that is no sentence: a prepositional phrase, a filler, a gerund phrase. */
  static boolean fragmentStart(String text) {
    String first = text.strip().split("(?<=[.!?])\\s", 2)[0];
    int n = Cleanup.words(first);
    if (n <= REFERENT_WORDS) {
      for (String word : first.toLowerCase(Locale.ROOT).replace('’', '\'').split("[^\\p{L}']+"))
        if (REFERENTS.contains(word)) return true;
    }
    if (n > FRAGMENT_WORDS) return false;
    String w = firstWord(first);
    return FRAGMENT.contains(w) || w.length() > 4 && w.endsWith("ing");
  }

  static boolean danglingStart(String text) {
    return DANGLING.contains(firstWord(text));
  }

  static String firstWord(String text) {
    String[] w = text.strip().toLowerCase(Locale.ROOT).replace('’', '\'').split("[^\\p{L}']+", 3);
    for (String s : w) if (!s.isEmpty()) return s;
    return "";
  }

  private static String normalise(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }
}
