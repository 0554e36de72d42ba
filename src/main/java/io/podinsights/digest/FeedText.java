package io.podinsights.digest;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Makes text from feeds safe for each place it lands: one clean line for text and headers, HTML-escaped for HTML,
 * and links only when they are absolute http(s) URLs. Feed text is never trusted to be anything but characters.
 */
final class FeedText {

  private FeedText() {}

  /**
   * One line of plain text: control characters (C0, C1, including ESC), line and paragraph separators, and bidi
   * overrides become spaces or vanish; runs of whitespace collapse to one space.
   */
  static String line(String raw) {
    StringBuilder out = new StringBuilder(raw.length());
    boolean space = false;
    for (int i = 0; i < raw.length(); ) {
      int cp = raw.codePointAt(i);
      i += Character.charCount(cp);
      if (isBidiControl(cp) || cp == 0xFEFF) continue;
      if (Character.isWhitespace(cp) || Character.isISOControl(cp) || Character.isSpaceChar(cp)
          || cp == 0x2028 || cp == 0x2029) {
        space = true;
        continue;
      }
      if (space && !out.isEmpty()) out.append(' ');
      space = false;
      out.appendCodePoint(cp);
    }
    return out.toString();
  }

  /** A value safe for a mail header: {@link #line} guarantees no CR, LF, U+0085, U+2028 or U+2029 survives. */
  static String header(String raw) {
    return line(raw);
  }

  /** Escapes the five HTML-significant characters, after cleaning to one line. */
  static String html(String raw) {
    return escape(line(raw));
  }

  static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** The URL in ASCII form if it is an absolute http or https URL with a host; otherwise empty (show it as text). */
  static Optional<String> link(String raw) {
    String s = raw.strip();
    if (s.isEmpty()) return Optional.empty();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c <= 0x20 || c == 0x7f || Character.isISOControl(c) || Character.isSpaceChar(c) || isBidiControl(c)) {
        return Optional.empty();
      }
    }
    try {
      URI uri = new URI(s);
      String scheme = uri.getScheme();
      if (scheme == null) return Optional.empty();
      String lower = scheme.toLowerCase(Locale.ROOT);
      if (!lower.equals("http") && !lower.equals("https")) return Optional.empty();
      if (uri.getRawAuthority() == null || uri.getHost() == null || uri.getRawUserInfo() != null) return Optional.empty();
      return Optional.of(uri.toASCIIString());
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  private static boolean isBidiControl(int cp) {
    return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F
        || cp == 0x061C;
  }
}
