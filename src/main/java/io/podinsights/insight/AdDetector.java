package io.podinsights.insight;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds sponsor reads and housekeeping plugs so they are never mined: a read starts at "brought to you by" and its kin
 * and runs to its call to action ("use code", "go to x.com/show") within the same speaker's words.
 */
final class AdDetector {
  private AdDetector() {}

  private static final Pattern START = Pattern.compile("(?i)\\b(?:brought to you by|sponsored by|(?:today's|our|this "
      + "week's|episode's) sponsors?\\b|word from (?:our|this) sponsor|supported by|presented by|thanks to our sponsor|"
      + "ad break|commercial break|after (?:the|this) break|we'll be right back|partnered with)");
  private static final Pattern CALL_TO_ACTION = Pattern.compile("(?i)(?:\\b(?:use|promo|discount|coupon|offer) code\\b|"
      + "\\b[\\w-]+\\.(?:com|io|ai|co|org|net|fm|app|dev)/\\w+|\\b(?:go|head|visit|check (?:it|them) out)\\b.{0,40}\\b"
      + "[\\w-]+\\.(?:com|io|ai|co|org|net|fm|app|dev)\\b|\\bthat's [\\w-]+\\.(?:com|io|ai)|\\bfree trial\\b|"
      + "\\b\\d+% off\\b|\\bsign up (?:today )?at\\b|\\bspecial offer\\b|\\bfirst month free\\b)");
  private static final Pattern PLUG = Pattern.compile("(?i)\\b(?:subscribe|rate and review|leave (?:us )?a review|"
      + "annual subscriber|newsletter|show notes|follow (?:us|the show|the podcast)|patreon|membership|"
      + "join (?:our|the) (?:community|discord|slack)|wherever you get your podcasts|link in the description)\\b");

  /** Marks every sentence that belongs to a sponsor read or an ad-break marker. */
  static boolean[] ads(List<Sentence> sentences) {
    boolean[] ad = new boolean[sentences.size()];
    for (int i = 0; i < sentences.size(); i++) {
      Sentence s = sentences.get(i);
      if (CALL_TO_ACTION.matcher(s.raw()).find()) ad[i] = true;
      if (!START.matcher(s.raw()).find()) continue;
      ad[i] = true;
      int words = 0;
      int end = -1;
      for (int j = i + 1; j < sentences.size() && words < 400; j++) {
        Sentence t = sentences.get(j);
        if (t.turn() != s.turn() && !sentences.get(j).speaker().equals(s.speaker())) break;
        words += t.words();
        if (CALL_TO_ACTION.matcher(t.raw()).find()) end = j;
        else if (end >= 0 && START.matcher(t.raw()).find()) end = -1;
        if (end >= 0 && j > end) break;
      }
      if (end < 0) {
        words = 0;
        for (int j = i + 1; j < sentences.size() && words < 150 && sentences.get(j).turn() == s.turn(); j++) {
          words += sentences.get(j).words();
          end = j;
        }
      }
      for (int j = i; j <= end; j++) ad[j] = true;
    }
    return ad;
  }

  /** True for listener housekeeping: subscribe, reviews, newsletters, show notes. Penalised, never preferred. */
  static boolean plug(String text) {
    return PLUG.matcher(text).find();
  }

  static boolean sponsor(String text) {
    return START.matcher(text).find() || CALL_TO_ACTION.matcher(text).find();
  }
}
