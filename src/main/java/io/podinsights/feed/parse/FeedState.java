package io.podinsights.feed.parse;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Where the parser is when a handler is called (channel or item, nesting level, base URL) and the drafts to fill. */
final class FeedState {
  /** What encloses the current element. */
  enum Scope { ROOT, CHANNEL, ITEM }

  final ShowDraft show = new ShowDraft();
  final List<String> warnings;
  EpisodeDraft item;
  Scope scope = Scope.ROOT;
  /** 1 for a direct child of the channel or item, 2 for a grandchild, and so on. */
  int level;
  String parent = "";
  URI base;

  FeedState(URI base, List<String> warnings) {
    this.base = base;
    this.warnings = warnings;
  }

  boolean channelChild() {
    return scope == Scope.CHANNEL && level == 1;
  }

  boolean itemChild() {
    return scope == Scope.ITEM && level == 1;
  }

  /** Resolves a possibly relative URL against xml:base or the feed URL; trims, encodes spaces; empty when blank. */
  String url(String raw) {
    if (raw == null) return "";
    String u = raw.strip();
    if (u.isEmpty()) return "";
    return resolve(base, u);
  }

  static String resolve(URI base, String u) {
    String cleaned = u.replace(" ", "%20").replace("\n", "").replace("\r", "").replace("\t", "");
    try {
      URI ref = new URI(cleaned);
      if (ref.isAbsolute()) return cleaned;
      if (base == null) return cleaned;
      return base.resolve(ref).toString();
    } catch (URISyntaxException | IllegalArgumentException e) {
      return cleaned;
    }
  }

  static String oneLine(String s) {
    if (s == null) return "";
    StringBuilder out = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c) || c == '\u00A0') {
        space = out.length() > 0;
      } else {
        if (space) out.append(' ');
        space = false;
        out.append(c);
      }
    }
    return out.toString();
  }

  static Optional<Boolean> yesNo(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    return switch (t) {
      case "yes", "true", "explicit", "1" -> Optional.of(true);
      case "no", "false", "clean", "0" -> Optional.of(false);
      default -> Optional.empty();
    };
  }

  static Optional<Integer> integer(String text) {
    String t = text.strip();
    int dot = t.indexOf('.');
    if (dot > 0) t = t.substring(0, dot);
    if (t.isEmpty() || t.length() > 9 || !t.chars().allMatch(Character::isDigit)) return Optional.empty();
    return Optional.of(Integer.parseInt(t));
  }

  static long length(String raw) {
    if (raw == null) return -1;
    String t = raw.strip();
    if (t.isEmpty() || t.length() > 18 || !t.chars().allMatch(Character::isDigit)) return -1;
    return Long.parseLong(t);
  }
}
