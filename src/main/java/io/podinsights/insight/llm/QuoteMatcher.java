package io.podinsights.insight.llm;

import io.podinsights.transcript.Segment;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds a model's supporting quote in transcript words, forgiving case, punctuation and fillers: the score is the
 * share of the quote's words found in order (longest common subsequence) inside a window of the transcript at most
 * half as long again as the quote. Pure and stateless.
 */
final class QuoteMatcher {

  /** One token of a transcript word: the word as spoken, its position among the words, the token, its segment. */
  record Word(String original, int position, String token, int segment) {}

  /** The best place for a quote: share of its tokens matched, and the first and last matched word (inclusive). */
  record Match(double coverage, int fromWord, int toWord) {
    static final Match NONE = new Match(0, -1, -1);

    boolean found() {
      return fromWord >= 0;
    }
  }

  private static final Set<String> FILLERS =
      Set.of("um", "umm", "uh", "uhh", "uhm", "erm", "er", "ah", "hmm", "hm", "mm", "mhm", "uhhuh");
  private static final Pattern SPLIT = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final Pattern APOSTROPHES = Pattern.compile("['\u2018\u2019\u02bc`]");

  private QuoteMatcher() {}

  /** Cleaned tokens of free text: NFKC, lower case, apostrophes dropped, split on anything else, fillers dropped. */
  static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    for (String t : SPLIT.split(clean(text))) {
      if (!t.isEmpty() && !FILLERS.contains(t)) out.add(t);
    }
    return out;
  }

  /** Consecutive segments as words: every word as spoken, and the cleaned tokens pointing back at them. */
  record Passage(List<String> spoken, List<Word> tokens) {}

  /** The words of consecutive segments; {@code firstSegment} numbers the first one. Fillers get no token. */
  static Passage passage(List<Segment> segments, int firstSegment) {
    List<String> spoken = new ArrayList<>();
    List<Word> tokens = new ArrayList<>();
    for (int s = 0; s < segments.size(); s++) {
      for (String original : segments.get(s).text().strip().split("\\s+")) {
        if (original.isEmpty()) continue;
        for (String t : SPLIT.split(clean(original))) {
          if (!t.isEmpty() && !FILLERS.contains(t)) tokens.add(new Word(original, spoken.size(), t, firstSegment + s));
        }
        spoken.add(original);
      }
    }
    return new Passage(spoken, tokens);
  }

  static Match bestMatch(List<String> quote, List<Word> words) {
    int m = quote.size();
    if (m == 0 || words.isEmpty()) return Match.NONE;
    Set<String> inQuote = new HashSet<>(quote);
    int window = (int) Math.ceil(m * 1.5) + 2;
    int bestLcs = 0;
    int bestStart = -1;
    for (int s = 0; s < words.size(); s++) {
      if (!inQuote.contains(words.get(s).token())) continue;
      int len = Math.min(window, words.size() - s);
      int lcs = lcs(quote, words, s, len);
      if (lcs > bestLcs) {
        bestLcs = lcs;
        bestStart = s;
        if (lcs == m) break;
      }
    }
    if (bestStart < 0) return Match.NONE;
    int[] span = alignedSpan(quote, words, bestStart, Math.min(window, words.size() - bestStart));
    return new Match((double) bestLcs / m, span[0], span[1]);
  }

  /** The words as spoken from token {@code from} to token {@code to}, inclusive, fillers between them kept. */
  static String text(Passage passage, int from, int to) {
    int first = passage.tokens().get(from).position();
    int last = passage.tokens().get(to).position();
    return String.join(" ", passage.spoken().subList(first, last + 1));
  }

  private static int lcs(List<String> quote, List<Word> words, int from, int len) {
    int m = quote.size();
    int[] prev = new int[len + 1];
    int[] cur = new int[len + 1];
    for (int i = 1; i <= m; i++) {
      String q = quote.get(i - 1);
      for (int j = 1; j <= len; j++) {
        cur[j] = q.equals(words.get(from + j - 1).token()) ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[len];
  }

  /** First and last window word used by one longest alignment, as indices into {@code words}. */
  private static int[] alignedSpan(List<String> quote, List<Word> words, int from, int len) {
    int m = quote.size();
    int[][] dp = new int[m + 1][len + 1];
    for (int i = 1; i <= m; i++) {
      for (int j = 1; j <= len; j++) {
        dp[i][j] = quote.get(i - 1).equals(words.get(from + j - 1).token())
            ? dp[i - 1][j - 1] + 1
            : Math.max(dp[i - 1][j], dp[i][j - 1]);
      }
    }
    // Shortest window prefix reaching the best score, then walk back to the first matched word.
    int end = len;
    while (end > 1 && dp[m][end - 1] == dp[m][len]) end--;
    int i = m;
    int j = end;
    int first = -1;
    int last = -1;
    while (i > 0 && j > 0) {
      if (quote.get(i - 1).equals(words.get(from + j - 1).token()) && dp[i][j] == dp[i - 1][j - 1] + 1) {
        if (last < 0) last = from + j - 1;
        first = from + j - 1;
        i--;
        j--;
      } else if (dp[i - 1][j] >= dp[i][j - 1]) {
        i--;
      } else {
        j--;
      }
    }
    return new int[] {first, last};
  }

  private static String clean(String text) {
    String t = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    return APOSTROPHES.matcher(t).replaceAll("");
  }
}
