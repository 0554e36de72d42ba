package io.podinsights.transcript.format;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Text clean-up shared by the parsers: tags out, entities decoded, whitespace collapsed, "Name:" speaker prefixes. */
final class Markup {
  private static final Pattern TAG = Pattern.compile("<[^<>]*>");
  private static final Pattern SSA_OVERRIDE = Pattern.compile("\\{\\\\[^{}]*}");
  private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});");
  /**
   * A speaker label at the start of a caption: one to four capitalised words ("Travis", "MAN", "Dr. Jane Smith") and a
   * colon followed by a space or the end of the line. Lower-case words ("then he said:") and digits ("7:35") never match.
   */
  private static final Pattern SPEAKER_PREFIX =
      Pattern.compile("^(\\p{Lu}[\\p{L}'’.\\-]*(?:[ \\t]+\\p{Lu}[\\p{L}'’.\\-]*){0,3})[ \\t]*:(?:[ \\t]+|\\n|$)");

  private static final Map<String, String> ENTITIES = Map.ofEntries(
      Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
      Map.entry("apos", "'"), Map.entry("nbsp", " "), Map.entry("rsquo", "’"), Map.entry("lsquo", "‘"),
      Map.entry("rdquo", "”"), Map.entry("ldquo", "“"), Map.entry("hellip", "…"), Map.entry("mdash", "—"),
      Map.entry("ndash", "–"), Map.entry("lrm", ""), Map.entry("rlm", ""), Map.entry("zwj", ""),
      Map.entry("zwnj", ""), Map.entry("shy", ""), Map.entry("copy", "©"), Map.entry("reg", "®"),
      Map.entry("trade", "™"), Map.entry("eacute", "é"), Map.entry("egrave", "è"), Map.entry("agrave", "à"),
      Map.entry("aacute", "á"), Map.entry("iacute", "í"), Map.entry("oacute", "ó"), Map.entry("uacute", "ú"),
      Map.entry("ntilde", "ñ"), Map.entry("ccedil", "ç"), Map.entry("ouml", "ö"), Map.entry("uuml", "ü"),
      Map.entry("auml", "ä"), Map.entry("szlig", "ß"), Map.entry("euro", "€"), Map.entry("pound", "£"),
      Map.entry("deg", "°"), Map.entry("middot", "·"), Map.entry("bull", "•"), Map.entry("laquo", "«"),
      Map.entry("raquo", "»"), Map.entry("iexcl", "¡"), Map.entry("iquest", "¿"), Map.entry("times", "×"));

  private Markup() {}

  /** Drops tags ({@code <i>}, {@code <c.x>}, {@code <00:01.000>}) and SSA overrides ({@code {\an8}}), keeps their text. */
  static String stripTags(String text) {
    if (text.indexOf('<') < 0 && text.indexOf('{') < 0) return text;
    return SSA_OVERRIDE.matcher(TAG.matcher(text).replaceAll("")).replaceAll("");
  }

  /** Decodes named (common set) and numeric character references; unknown names stay as written. */
  static String decodeEntities(String text) {
    if (text.indexOf('&') < 0) return text;
    Matcher m = ENTITY.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (m.find()) {
      String name = m.group(1);
      String replacement;
      if (name.charAt(0) == '#') {
        boolean hex = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X');
        int code = Integer.parseInt(hex ? name.substring(2) : name.substring(1), hex ? 16 : 10);
        replacement = Character.isValidCodePoint(code) && code != 0 ? Character.toString(code) : m.group();
      } else {
        replacement = ENTITIES.getOrDefault(name, ENTITIES.getOrDefault(name.toLowerCase(), m.group()));
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Collapses runs of whitespace (including no-break spaces) to one space and trims. */
  static String collapse(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean gap = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || c == '\u00A0' || c == '\u2007' || c == '\u202F') {
        gap = !out.isEmpty();
      } else {
        if (gap) out.append(' ');
        gap = false;
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Tags out, entities decoded, whitespace collapsed: the readable text of a caption or paragraph. */
  static String plain(String text) {
    return collapse(decodeEntities(stripTags(text)));
  }

  /** A caption split into its leading "Name:" label (when there is one) and the rest. */
  record Labelled(Optional<String> speaker, String text) {}

  /** Splits a leading speaker label off {@code text} (lines joined by "\n"); the text is returned unchanged otherwise. */
  static Labelled speakerLabel(String text) {
    Matcher m = SPEAKER_PREFIX.matcher(text);
    if (!m.find()) return new Labelled(Optional.empty(), text);
    return new Labelled(Optional.of(m.group(1).strip()), text.substring(m.end()));
  }

  /** Line breaks of any convention (CRLF, CR-only, LF) become "\n"; a leading byte-order mark is dropped. */
  static String normalizeLines(String text) {
    String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
    return s.replace("\r\n", "\n").replace('\r', '\n');
  }
}
