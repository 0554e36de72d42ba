package io.podinsights.insight;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes spoken text readable without changing what was said: drops fillers, stutters, repeated words, short false
 * starts and non-speech tags ([laughs], ♪), restores sentence case. It only deletes words and fixes case and the final
 * full stop; it never adds a word.
 */
final class Cleanup {
  private Cleanup() {}

  private static final Pattern NON_SPEECH = Pattern.compile(
      "\\[[^\\]]{0,60}\\]|\\((?:laughs?|laughter|music|applause|crosstalk|inaudible|unintelligible|upbeat music|"
          + "soft music|silence|pause|coughs?|sighs?)[^)]{0,30}\\)|[♪♫]+", Pattern.CASE_INSENSITIVE);
  private static final Pattern FILLER_SOUNDS =
      Pattern.compile("(?i)(^|[\\s,;])(?:u+m+|u+h+m*|e+r+m+|hmm+|mm+-?hmm+|mm+|ah+|er)(?=[\\s,.;!?]|$)[,;]?");
  private static final Pattern FILLER_PHRASES = Pattern.compile(
      "(?i)(^|[,;.!?]\\s*)(?:you know|i mean|you see|like|sort of|kind of|basically|literally)\\s*,\\s*");
  private static final Pattern MID_FILLERS = Pattern.compile(
      "(?i),\\s*(?:you know|i mean|like|sort of|kind of|u+m+|u+h+|e+r+m+)\\s*,\\s*");
  private static final Pattern TRAILING_FILLERS =
      Pattern.compile("(?i),\\s*(?:you know|i mean|like|sort of|kind of)\\s*(?=[.;!?]|$)");
  private static final Pattern HEDGE = Pattern.compile(
      "(?i)(?<!\\b(?:a|the|what|this|that|some|any|one|which|no|same|every|these|those|all)\\s)\\b(?:sort|kind) of\\s+"
          + "(?=(?:a |an |the |like )?\\w)");
  private static final Pattern STUTTER =
      Pattern.compile("(?i)\\b(\\w+(?:['’]\\w+)?(?:\\s+\\w+(?:['’]\\w+)?)?)(?:[\\s,.-]+\\1\\b)+");
  private static final Pattern PARTIAL_WORD = Pattern.compile("\\b\\w{1,6}-\\s+(?=\\w)");
  private static final Pattern FALSE_START = Pattern.compile("^((?:\\w+['’]?\\w*\\s*){1,3})(?:--|—|–)\\s*");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  static String clean(String raw) {
    String s = NON_SPEECH.matcher(raw).replaceAll(" ");
    s = s.replace("…", "...").replaceAll("\\s*\\.\\.\\.\\s*", " ... ");
    s = MID_FILLERS.matcher(s).replaceAll(" ");
    s = TRAILING_FILLERS.matcher(s).replaceAll("");
    s = FILLER_SOUNDS.matcher(s).replaceAll("$1");
    s = FILLER_PHRASES.matcher(s).replaceAll("$1");
    s = HEDGE.matcher(s).replaceAll("");
    s = PARTIAL_WORD.matcher(s).replaceAll("");
    s = dedupe(s);
    s = SPACES.matcher(s).replaceAll(" ").strip();
    s = FALSE_START.matcher(s).replaceFirst("");
    s = s.replaceAll(" \\.\\.\\. ", " ").replaceAll("\\s+([,.;!?])", "$1").replaceAll("([,;])[,;]+", "$1")
        .replaceAll("^[,;.\\s-]+", "").replaceAll("\\s+", " ").strip();
    s = s.replaceAll("\\bi\\b", "I").replaceAll("\\bi(['’](?:m|ve|ll|d))\\b", "I$1");
    return s;
  }

  private static String dedupe(String s) {
    String prev;
    do {
      prev = s;
      Matcher m = STUTTER.matcher(s);
      s = m.replaceAll(mr -> Matcher.quoteReplacement(keepRepeat(mr.group(0), mr.group(1))));
    } while (!s.equals(prev));
    return s;
  }

  /** Words that are legitimately doubled ("that that", "had had") stay as written. */
  private static String keepRepeat(String whole, String unit) {
    String u = unit.toLowerCase(Locale.ROOT);
    if (Set.of("that", "had", "is", "very", "really", "no", "so", "bye", "yeah", "ha").contains(u)) return whole;
    return unit;
  }

  private static final Pattern LEADING_MARKERS = Pattern.compile(
      "(?i)^(?:(?:and|so|but|yeah|yes|well|okay|ok|oh|look|now|right|anyway|also|then|because|plus|like|and so|"
          + "and then|but yeah|so yeah|honestly|I think that|um|uh),?\\s+)+");

  /** Drops the conversational glue that opens a spoken passage ("And so, yeah, ..."), then sentence-cases it. */
  static String trimOpening(String s) {
    String t = LEADING_MARKERS.matcher(s).replaceFirst("");
    if (t.length() < 3) t = s;
    return sentenceCase(t);
  }

  static String sentenceCase(String s) {
    if (s.isEmpty()) return s;
    int i = 0;
    while (i < s.length() && !Character.isLetterOrDigit(s.charAt(i))) i++;
    if (i >= s.length()) return s;
    return s.substring(0, i) + Character.toUpperCase(s.charAt(i)) + s.substring(i + 1);
  }

  static String withFullStop(String s) {
    String t = s.strip();
    if (t.isEmpty()) return t;
    char last = t.charAt(t.length() - 1);
    if (".!?".indexOf(last) >= 0) return t;
    if ("\"'”’)".indexOf(last) >= 0 && t.length() > 1 && ".!?".indexOf(t.charAt(t.length() - 2)) >= 0) return t;
    return t.replaceAll("[,;:\\-–—]+$", "") + ".";
  }

  static int words(String s) {
    int count = 0;
    boolean in = false;
    for (int i = 0; i < s.length(); i++) {
      boolean w = Character.isLetterOrDigit(s.charAt(i));
      if (w && !in) count++;
      in = w || (in && (s.charAt(i) == '\'' || s.charAt(i) == '’'));
    }
    return count;
  }
}
