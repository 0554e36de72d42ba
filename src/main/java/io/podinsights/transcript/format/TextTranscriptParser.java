package io.podinsights.transcript.format;

import io.podinsights.transcript.Segment;
import io.podinsights.transcript.Transcript;
import io.podinsights.transcript.TranscriptSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads plain-text and Markdown publisher transcripts into segments: speaker turns in the common styles
 * ({@code Name (hh:mm:ss):}, {@code [hh:mm:ss] Name: text}, {@code **Name:** text} with inline {@code [mm:ss]} marks,
 * {@code **Name** (00:01:02):}, bare {@code Name: text}), timestamps on their own lines; skips YAML front matter and
 * headings. Missing times are interpolated by word position between known ones (2.5 words/s where none is known).
 */
public final class TextTranscriptParser {
  private TextTranscriptParser() {}

  /** Speaking rate used where a transcript gives no times at all, in words per second (150 words a minute). */
  static final double WORDS_PER_SECOND = 2.5;

  private static final String TS = "(\\d{1,2}(?::\\d{1,2}){1,2}(?:[.,]\\d+)?)";
  private static final String NAME = "([\\p{Lu}\\d][\\p{L}\\p{M}\\d.'’\\-]*(?: [\\p{L}\\p{M}\\d.'’\\-]+){0,4})";
  private static final Pattern BOLD_NAME_TIME =
      Pattern.compile("^\\*\\*" + NAME + ":?\\*\\*\\s*[(\\[]" + TS + "[)\\]]:?\\s*(.*)$");
  private static final Pattern BOLD_NAME = Pattern.compile("^\\*\\*" + NAME + "(?::\\*\\*|\\*\\*:)\\s*(.*)$");
  private static final Pattern NAME_TIME = Pattern.compile("^" + NAME + "\\s*[(\\[]" + TS + "[)\\]]\\s*:?\\s*(.*)$");
  private static final Pattern TIME_NAME = Pattern.compile("^[\\[(]" + TS + "[\\])]\\s*" + NAME + ":\\s+(.*)$");
  private static final Pattern TIME_ONLY = Pattern.compile("^[\\[(]?" + TS + "[\\])]?\\s*:?\\s*(.*)$");
  private static final Pattern BARE_NAME = Pattern.compile("^" + NAME + ":\\s+(.*)$");
  private static final Pattern INLINE_TIME = Pattern.compile("\\[" + TS + "\\]");
  private static final Pattern TAGGED_TIME = Pattern.compile("\\[(?:unintelligible|inaudible|crosstalk)\\s+" + TS + "\\]",
      Pattern.CASE_INSENSITIVE);
  /** Words that end in a colon in prose but are not speakers. */
  private static final Set<String> NOT_SPEAKERS = Set.of("note", "notes", "update", "edit", "warning", "tip", "example",
      "source", "sources", "link", "links", "ps", "p.s", "nb", "summary", "transcript", "title", "date", "time", "question",
      "answer", "step", "rule", "lesson", "takeaway", "quote", "caveat", "disclaimer", "important", "bonus", "fact",
      "todo", "why", "how", "what", "here", "see", "also", "http", "https", "chapter", "part", "episode", "show notes",
      "break", "music", "intro", "outro", "ad");

  /** One block of text before times are filled in. */
  private record Block(Optional<String> speaker, Optional<Duration> start, String text) {}

  public static Transcript parse(String text, TranscriptSource source) {
    String[] lines = stripFrontMatter(text.replace("\r", "")).split("\n", -1);
    Map<String, Integer> bareCounts = countBareSpeakers(lines);
    List<Block> blocks = new ArrayList<>();
    Optional<String> speaker = Optional.empty();
    Optional<Duration> pending = Optional.empty();
    Set<String> known = new java.util.HashSet<>();
    boolean usesBareLabels = bareCounts.values().stream().filter(c -> c >= 2).mapToInt(Integer::intValue).sum() >= 2;
    boolean previousBlank = true;
    for (String raw : lines) {
      String line = unescape(raw).strip();
      boolean startsParagraph = previousBlank;
      previousBlank = line.isEmpty();
      if (line.isEmpty() || line.startsWith("#") || line.matches("^(-{3,}|\\*{3,}|_{3,})$")) continue;
      Matcher m;
      Optional<Duration> time = Optional.empty();
      String rest;
      if ((m = BOLD_NAME_TIME.matcher(line)).matches()) {
        speaker = speakerOrBreak(m.group(1));
        time = parseTime(m.group(2));
        rest = m.group(3);
      } else if ((m = BOLD_NAME.matcher(line)).matches()) {
        speaker = speakerOrBreak(m.group(1));
        rest = m.group(2);
      } else if ((m = TIME_NAME.matcher(line)).matches()) {
        time = parseTime(m.group(1));
        speaker = Optional.of(m.group(2).strip());
        rest = m.group(3);
      } else if ((m = NAME_TIME.matcher(line)).matches() && looksLikeName(m.group(1))) {
        speaker = Optional.of(m.group(1).strip());
        time = parseTime(m.group(2));
        rest = m.group(3);
      } else if ((m = TIME_ONLY.matcher(line)).matches() && (m.group(2).isEmpty() || line.startsWith("[")
          || line.startsWith("("))) {
        time = parseTime(m.group(1));
        rest = m.group(2);
      } else if ((m = BARE_NAME.matcher(line)).matches() && looksLikeName(m.group(1))
          && (bareCounts.getOrDefault(m.group(1).strip(), 0) >= 2 || known.contains(m.group(1).strip())
              || (usesBareLabels && startsParagraph))) {
        speaker = Optional.of(m.group(1).strip());
        rest = m.group(2);
      } else {
        rest = line;
      }
      speaker.ifPresent(known::add);
      if (time.isEmpty()) time = pending;
      pending = Optional.empty();
      rest = TAGGED_TIME.matcher(rest).replaceAll(mr -> "[" + mr.group(1) + "]");
      if (isBlankText(rest)) {
        pending = time;
        continue;
      }
      addWithInlineTimes(blocks, speaker, time, rest);
    }
    return new Transcript(fillTimes(blocks), source);
  }

  private static Optional<String> speakerOrBreak(String name) {
    String n = name.strip();
    // "**Break:** [25:09]" marks a removed ad break in Changelog transcripts: a pause, not a speaker.
    return n.equalsIgnoreCase("break") ? Optional.empty() : Optional.of(n);
  }

  private static boolean isBlankText(String s) {
    return s.replaceAll("[*_\\s]", "").isEmpty();
  }

  private static void addWithInlineTimes(List<Block> blocks, Optional<String> speaker, Optional<Duration> time,
      String text) {
    Matcher m = INLINE_TIME.matcher(text);
    int from = 0;
    Optional<Duration> at = time;
    while (m.find()) {
      String before = text.substring(from, m.start()).strip();
      if (!before.isEmpty()) blocks.add(new Block(speaker, at, before));
      at = parseTime(m.group(1));
      from = m.end();
    }
    String tail = text.substring(from).strip();
    if (!tail.isEmpty()) blocks.add(new Block(speaker, at, tail));
  }

  /** Gives every block a start (known times kept, others interpolated by words) and ends each at the next start. */
  private static List<Segment> fillTimes(List<Block> blocks) {
    int n = blocks.size();
    double[] start = new double[n];
    int[] words = new int[n];
    for (int i = 0; i < n; i++) words[i] = Math.max(1, countWords(blocks.get(i).text()));
    double last = 0;
    int i = 0;
    double prevKnownTime = 0;
    int prevKnownIndex = -1;
    while (i < n) {
      if (blocks.get(i).start().isPresent()) {
        double t = Math.max(last, seconds(blocks.get(i).start().get()));
        start[i] = t;
        last = t;
        prevKnownTime = t;
        prevKnownIndex = i;
        i++;
        continue;
      }
      int j = i;
      while (j < n && blocks.get(j).start().isEmpty()) j++;
      double from = prevKnownIndex < 0 ? 0 : prevKnownTime;
      int wordsFrom = prevKnownIndex < 0 ? 0 : words[prevKnownIndex];
      int gapWords = wordsFrom;
      for (int k = i; k < j; k++) gapWords += words[k];
      double to = j < n ? Math.max(from, seconds(blocks.get(j).start().get())) : from + gapWords / WORDS_PER_SECOND;
      double cum = wordsFrom;
      for (int k = i; k < j; k++) {
        start[k] = Math.max(last, from + (to - from) * cum / Math.max(1, gapWords));
        last = start[k];
        cum += words[k];
      }
      i = j;
    }
    List<Segment> segments = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      double end = k + 1 < n ? start[k + 1] : start[k] + words[k] / WORDS_PER_SECOND;
      Block b = blocks.get(k);
      segments.add(new Segment(Duration.ofMillis(Math.round(start[k] * 1000)), Duration.ofMillis(Math.round(end * 1000)),
          b.speaker(), b.text()));
    }
    return segments;
  }

  private static double seconds(Duration d) {
    return d.toMillis() / 1000.0;
  }

  static int countWords(String s) {
    int count = 0;
    boolean in = false;
    for (int i = 0; i < s.length(); i++) {
      boolean letter = Character.isLetterOrDigit(s.charAt(i));
      if (letter && !in) count++;
      in = letter || (in && (s.charAt(i) == '\'' || s.charAt(i) == '’'));
    }
    return count;
  }

  static Optional<Duration> parseTime(String ts) {
    String[] parts = ts.replace(',', '.').split(":");
    try {
      double total = 0;
      for (String p : parts) total = total * 60 + Double.parseDouble(p);
      return Optional.of(Duration.ofMillis(Math.round(total * 1000)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static boolean looksLikeName(String candidate) {
    String name = candidate.strip();
    if (name.length() > 40 || NOT_SPEAKERS.contains(name.toLowerCase(Locale.ROOT).replaceAll("[.:]$", ""))) return false;
    for (String word : name.split(" ")) {
      char c = word.charAt(0);
      boolean particle = Set.of("de", "van", "von", "der", "da", "di", "la", "le", "bin", "al").contains(word);
      if (!Character.isUpperCase(c) && !Character.isDigit(c) && !particle) return false;
    }
    return true;
  }

  /** Bare {@code Name:} labels count as speakers only when they recur, so a stray "Lesson: …" in prose stays text. */
  private static Map<String, Integer> countBareSpeakers(String[] lines) {
    Map<String, Integer> counts = new HashMap<>();
    for (String raw : lines) {
      Matcher m = BARE_NAME.matcher(unescape(raw).strip());
      if (m.matches() && looksLikeName(m.group(1))) counts.merge(m.group(1).strip(), 1, Integer::sum);
    }
    return counts;
  }

  private static String unescape(String line) {
    return line.replace("\\[", "[").replace("\\]", "]").replace("\\*", "*").replace("\\_", "_");
  }

  private static String stripFrontMatter(String text) {
    String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
    if (!t.startsWith("---\n")) return t;
    int end = t.indexOf("\n---", 3);
    if (end < 0) return t;
    int after = t.indexOf('\n', end + 4);
    return after < 0 ? "" : t.substring(after + 1);
  }
}
