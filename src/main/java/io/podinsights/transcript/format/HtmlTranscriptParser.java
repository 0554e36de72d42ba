package io.podinsights.transcript.format;

import io.podinsights.transcript.Transcript;
import io.podinsights.transcript.TranscriptSource;
import io.podinsights.transcript.format.TranscriptParseException.Problem;
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
 * Reads HTML transcripts. Podcasting 2.0 style ({@code <cite>Name:</cite><time>0:53</time><p>…</p>}) gives one segment
 * per paragraph with that speaker and start; each segment ends where the next later one starts. Any other HTML is read
 * loosely: scripts, styles and the head are dropped, every block element (p, div, li, headings…) ends a paragraph ({@code <br>} is a space),
 * a leading "Name:" label sets the speaker, and {@code begin}/{@code end} attributes (TTML captions) give times.
 * Paragraphs without a time start where the previous one did.
 */
public final class HtmlTranscriptParser {
  /** Bounded so a stray "<" or an unclosed quote costs at most a few KB of scanning, never the rest of the file. */
  private static final Pattern TAG = Pattern.compile(
      "</?([A-Za-z][A-Za-z0-9:_.-]{0,64})((?:[^<>\"']|\"[^\"<>]{0,2048}\"|'[^'<>]{0,2048}'){0,512}+)>");
  private static final Pattern ATTRIBUTE =
      Pattern.compile("([A-Za-z_:][-A-Za-z0-9_:.]*)\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^\\s>]+)");
  private static final Set<String> SKIPPED = Set.of("script", "style", "head", "title", "noscript", "template", "svg");
  private static final Set<String> BLOCKS = Set.of("p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5",
      "h6", "section", "article", "blockquote", "tr", "td", "th", "dt", "dd", "pre", "hr", "header", "footer", "main",
      "table", "body", "html", "cite", "time", "figure", "figcaption", "aside", "nav", "dl");

  private HtmlTranscriptParser() {}

  /** One piece of markup: text, or an opening or closing tag (lower-case local name, attributes). */
  private record Token(String text, String tag, boolean closing, Map<String, String> attributes) {
    boolean isText() {
      return tag.isEmpty();
    }
  }

  /** A paragraph before times are settled. */
  private record Paragraph(Optional<Duration> start, Optional<Duration> end, Optional<String> speaker, String text) {}

  public static Transcript parse(String text, TranscriptSource source) throws TranscriptParseException {
    String body = Markup.normalizeLines(text);
    if (body.isBlank()) throw new TranscriptParseException(Problem.EMPTY, "the HTML file is empty");
    List<Token> tokens = tokenize(body);
    boolean podcasting20 = tokens.stream().anyMatch(t -> t.tag().equals("cite") && !t.closing());
    List<Paragraph> paragraphs = podcasting20 ? citeStyle(tokens) : loose(tokens);
    List<Cue> cues = timed(paragraphs);
    Transcript t = Cue.toTranscript(cues, source);
    if (t.segments().isEmpty()) throw new TranscriptParseException(Problem.NO_TEXT, "the HTML file has no text");
    return t;
  }

  private static List<Paragraph> citeStyle(List<Token> tokens) {
    List<Paragraph> out = new ArrayList<>();
    Optional<String> speaker = Optional.empty();
    Optional<Duration> time = Optional.empty();
    String capturing = "";
    String datetime = "";
    StringBuilder buffer = new StringBuilder();
    for (Token t : tokens) {
      if (t.isText()) {
        if (!capturing.isEmpty()) buffer.append(t.text());
      } else if (capturing.isEmpty() && !t.closing() && Set.of("cite", "time", "p").contains(t.tag())) {
        capturing = t.tag();
        buffer.setLength(0);
        datetime = t.attributes().getOrDefault("datetime", "");
      } else if (t.tag().equals(capturing) && t.closing()) {
        String content = buffer.toString();
        switch (capturing) {
          case "cite" -> {
            String name = Markup.plain(content).replaceAll("\\s*:\\s*$", "");
            speaker = name.isEmpty() ? Optional.empty() : Optional.of(name);
          }
          case "time" -> {
            String attribute = datetime;
            time = Timecodes.parse(Markup.plain(content)).or(() -> Timecodes.parse(attribute));
          }
          default -> {
            String paragraph = Markup.plain(content);
            if (!paragraph.isEmpty()) out.add(new Paragraph(time, Optional.empty(), speaker, paragraph));
            time = Optional.empty();
          }
        }
        capturing = "";
      } else if (!capturing.isEmpty() && t.tag().equals("br")) {
        buffer.append(' ');
      }
    }
    return out;
  }

  private static List<Paragraph> loose(List<Token> tokens) {
    List<Paragraph> out = new ArrayList<>();
    Optional<String> speaker = Optional.empty();
    StringBuilder buffer = new StringBuilder();
    Map<String, String> blockAttributes = Map.of();
    for (int i = 0; i <= tokens.size(); i++) {
      Token t = i < tokens.size() ? tokens.get(i) : null;
      if (t != null && t.isText()) {
        buffer.append(t.text());
        continue;
      }
      if (t != null && !BLOCKS.contains(t.tag())) continue;
      if (t != null && t.tag().equals("br")) {
        buffer.append('\n');
        continue;
      }
      String paragraph = Markup.collapse(Markup.decodeEntities(buffer.toString()).replace('\n', ' '));
      String raw = Markup.decodeEntities(buffer.toString()).strip();
      if (!paragraph.isEmpty()) {
        Markup.Labelled labelled = Markup.speakerLabel(raw);
        if (labelled.speaker().isPresent()) speaker = labelled.speaker();
        out.add(new Paragraph(time(blockAttributes, "begin"), time(blockAttributes, "end"), speaker,
            Markup.collapse(labelled.text())));
      }
      buffer.setLength(0);
      blockAttributes = t == null || t.closing() ? Map.of() : t.attributes();
    }
    return out;
  }

  private static Optional<Duration> time(Map<String, String> attributes, String name) {
    return Optional.ofNullable(attributes.get(name)).flatMap(Timecodes::parse);
  }

  /** Untimed paragraphs start where the previous one did; a missing end is the next later start. */
  private static List<Cue> timed(List<Paragraph> paragraphs) {
    List<Cue> cues = new ArrayList<>(paragraphs.size());
    Duration previous = Duration.ZERO;
    List<Duration> starts = new ArrayList<>();
    for (Paragraph p : paragraphs) {
      previous = p.start().orElse(previous);
      starts.add(previous);
    }
    for (int i = 0; i < paragraphs.size(); i++) {
      Paragraph p = paragraphs.get(i);
      Duration start = starts.get(i);
      Duration end = start;
      if (p.end().isPresent()) {
        end = p.end().get();
      } else {
        for (int j = i + 1; j < starts.size(); j++) {
          if (starts.get(j).compareTo(start) > 0) {
            end = starts.get(j);
            break;
          }
        }
      }
      cues.add(new Cue(start, end, p.speaker(), p.text()));
    }
    return cues;
  }

  private static List<Token> tokenize(String s) {
    List<Token> tokens = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    Matcher tag = TAG.matcher(s);
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (c != '<') {
        text.append(c);
        i++;
        continue;
      }
      if (s.startsWith("<!--", i)) {
        int j = s.indexOf("-->", i + 4);
        i = j < 0 ? n : j + 3;
        continue;
      }
      if (i + 1 < n && (s.charAt(i + 1) == '!' || s.charAt(i + 1) == '?')) {
        int j = s.indexOf('>', i);
        i = j < 0 ? n : j + 1;
        continue;
      }
      tag.region(i, n);
      if (!tag.lookingAt()) {
        text.append(c);
        i++;
        continue;
      }
      if (!text.isEmpty()) tokens.add(new Token(text.toString(), "", false, Map.of()));
      text.setLength(0);
      String name = tag.group(1).toLowerCase(Locale.ROOT);
      String local = name.substring(name.indexOf(':') + 1);
      boolean closing = s.charAt(i + 1) == '/';
      String attrs = tag.group(2);
      i = tag.end();
      if (!closing && SKIPPED.contains(local) && !attrs.endsWith("/")) {
        int j = indexOfIgnoreCase(s, "</" + tag.group(1), i);
        int k = j < 0 ? -1 : s.indexOf('>', j);
        i = k < 0 ? n : k + 1;
        continue;
      }
      tokens.add(new Token("", local, closing, closing ? Map.of() : attributes(attrs)));
    }
    if (!text.isEmpty()) tokens.add(new Token(text.toString(), "", false, Map.of()));
    return tokens;
  }

  private static Map<String, String> attributes(String attrs) {
    if (attrs.isBlank()) return Map.of();
    Map<String, String> out = new HashMap<>();
    Matcher m = ATTRIBUTE.matcher(attrs);
    while (m.find()) {
      String value = m.group(2);
      if (value.startsWith("\"") || value.startsWith("'")) value = value.substring(1, value.length() - 1);
      String key = m.group(1).toLowerCase(Locale.ROOT);
      out.putIfAbsent(key.contains(":") ? key.substring(key.indexOf(':') + 1) : key, Markup.decodeEntities(value));
    }
    return out;
  }

  private static int indexOfIgnoreCase(String s, String needle, int from) {
    int limit = s.length() - needle.length();
    for (int i = from; i <= limit; i++) {
      if (s.regionMatches(true, i, needle, 0, needle.length())) return i;
    }
    return -1;
  }
}
