package io.podinsights.insight;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Tells English from other languages by function words and script; enough to refuse a French or Japanese episode. */
final class LanguageGuesser {
  private LanguageGuesser() {}

  private static final Map<String, Set<String>> STOPWORDS = new LinkedHashMap<>();

  static {
    STOPWORDS.put("English", Set.of("the", "and", "to", "of", "a", "in", "is", "that", "it", "you", "i", "we", "for",
        "this", "was", "on", "with", "be", "are", "have", "not", "but", "so", "what", "they", "just", "like", "do"));
    STOPWORDS.put("Spanish", Set.of("de", "la", "que", "el", "en", "y", "los", "se", "del", "las", "un", "por", "con",
        "una", "su", "para", "es", "al", "lo", "como", "más", "pero", "muy", "también", "porque", "está", "yo"));
    STOPWORDS.put("French", Set.of("le", "la", "les", "de", "des", "et", "est", "en", "un", "une", "du", "que", "qui",
        "dans", "pour", "pas", "sur", "au", "ce", "il", "je", "nous", "vous", "c'est", "avec", "mais", "très"));
    STOPWORDS.put("German", Set.of("der", "die", "und", "das", "ist", "nicht", "ich", "zu", "den", "es", "mit", "sich",
        "des", "auf", "für", "ein", "eine", "dem", "wir", "sie", "auch", "aber", "wie", "sehr", "oder", "wenn"));
    STOPWORDS.put("Italian", Set.of("il", "di", "che", "e", "la", "un", "per", "non", "sono", "una", "del", "della",
        "con", "mi", "ma", "anche", "come", "questo", "molto", "gli", "perché", "io", "noi"));
    STOPWORDS.put("Portuguese", Set.of("de", "que", "não", "o", "a", "e", "do", "da", "em", "um", "para", "com", "uma",
        "os", "no", "se", "na", "por", "mais", "as", "dos", "como", "mas", "você", "muito", "isso", "eu"));
    STOPWORDS.put("Dutch", Set.of("de", "het", "een", "en", "van", "ik", "te", "dat", "die", "in", "is", "niet", "je",
        "op", "met", "zijn", "voor", "maar", "wat", "ook", "heel", "wij", "er", "dit"));
  }

  /** The language the text looks like, when it is clearly not English; empty for English or too little text. */
  static Optional<String> notEnglish(String text) {
    String sample = text.length() > 40_000 ? text.substring(0, 40_000) : text;
    int letters = 0;
    Map<Character.UnicodeScript, Integer> scripts = new LinkedHashMap<>();
    for (int i = 0; i < sample.length(); i++) {
      char c = sample.charAt(i);
      if (!Character.isLetter(c)) continue;
      letters++;
      scripts.merge(Character.UnicodeScript.of(c), 1, Integer::sum);
    }
    if (letters < 40) return Optional.empty();
    int latin = scripts.getOrDefault(Character.UnicodeScript.LATIN, 0);
    if (latin < letters / 2) {
      Character.UnicodeScript top = scripts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
      return Optional.of(switch (top) {
        case HAN, HIRAGANA, KATAKANA -> scripts.containsKey(Character.UnicodeScript.HIRAGANA) ? "Japanese" : "Chinese";
        case HANGUL -> "Korean";
        case CYRILLIC -> "Russian (Cyrillic script)";
        case ARABIC -> "Arabic";
        case GREEK -> "Greek";
        case HEBREW -> "Hebrew";
        case DEVANAGARI -> "Hindi (Devanagari script)";
        default -> top.name().charAt(0) + top.name().substring(1).toLowerCase(Locale.ROOT) + " script";
      });
    }
    String[] tokens = sample.toLowerCase(Locale.ROOT).split("[^\\p{L}']+");
    int total = 0;
    Map<String, Integer> hits = new LinkedHashMap<>();
    for (String t : tokens) {
      if (t.isEmpty()) continue;
      total++;
      for (var e : STOPWORDS.entrySet()) if (e.getValue().contains(t)) hits.merge(e.getKey(), 1, Integer::sum);
    }
    if (total < 20) return Optional.empty();
    double english = hits.getOrDefault("English", 0) / (double) total;
    var best = hits.entrySet().stream().filter(e -> !e.getKey().equals("English")).max(Map.Entry.comparingByValue());
    if (best.isEmpty()) return english < 0.05 ? Optional.of("an unknown language") : Optional.empty();
    double other = best.get().getValue() / (double) total;
    return english < 0.12 && other > english * 1.5 ? Optional.of(best.get().getKey()) : Optional.empty();
  }
}
