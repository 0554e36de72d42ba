package io.podinsights.feed.parse;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text-level repairs applied before the XML parser sees a feed: junk before the document, DOCTYPE removal (never
 * processed), HTML entities, bare ampersands, XML-illegal characters and undeclared namespace prefixes. Each repair
 * is recorded as a recovery with its reason.
 */
final class XmlRepair {
  static final Map<String, String> KNOWN_PREFIXES = new LinkedHashMap<>();

  static {
    KNOWN_PREFIXES.put("itunes", Namespaces.ITUNES);
    KNOWN_PREFIXES.put("podcast", Namespaces.PODCAST);
    KNOWN_PREFIXES.put("content", Namespaces.CONTENT);
    KNOWN_PREFIXES.put("media", Namespaces.MEDIA);
    KNOWN_PREFIXES.put("atom", Namespaces.ATOM);
    KNOWN_PREFIXES.put("atom10", Namespaces.ATOM);
    KNOWN_PREFIXES.put("dc", Namespaces.DC);
    KNOWN_PREFIXES.put("rdf", Namespaces.RDF);
  }

  private static final Pattern DECLARED_PREFIX = Pattern.compile("xmlns:([A-Za-z_][A-Za-z0-9_.-]*)\\s*=");
  private static final Pattern USED_PREFIX = Pattern.compile("</?([A-Za-z_][A-Za-z0-9_.-]*):[A-Za-z_]");
  private static final Pattern HTML_TITLE =
      Pattern.compile("<title[^>]*>([^<]{0,300})", Pattern.CASE_INSENSITIVE);

  private XmlRepair() {}

  /** Where the document proper starts and what the prolog held. */
  record Prolog(String text, String rootName) {}

  /**
   * Strips junk before the document and the DOCTYPE; refuses DOCTYPEs that declare entities.
   *
   * @throws FeedParseException EMPTY, NOT_XML, HTML_PAGE or UNSAFE_DTD
   */
  static Prolog prolog(String s, String subject, List<String> recoveries) throws FeedParseException {
    int start = 0;
    if (!s.isEmpty() && s.charAt(0) == '\uFEFF') start = 1;
    int firstNonWs = start;
    while (firstNonWs < s.length() && isXmlSpace(s.charAt(firstNonWs))) firstNonWs++;
    if (firstNonWs == s.length()) {
      throw new FeedParseException(FeedParseException.Kind.EMPTY, subject + " answered an empty body; check the URL");
    }
    if (!s.startsWith("<?xml", firstNonWs)) {
      int decl = s.indexOf("<?xml", firstNonWs);
      if (decl > 0 && decl < 256 * 1024 && !containsRoot(s, firstNonWs, decl)) {
        String junk = s.substring(firstNonWs, decl).strip();
        recoveries.add(junk.isEmpty()
            ? "removed whitespace before the XML declaration"
            : "removed " + (decl - firstNonWs) + " characters of junk before the XML declaration (\"" + clip(junk, 60) + "\")");
        firstNonWs = decl;
      } else if (s.charAt(firstNonWs) != '<') {
        int lt = s.indexOf('<', firstNonWs);
        char c = s.charAt(firstNonWs);
        if (lt < 0 || c == '{' || c == '[') {
          throw new FeedParseException(FeedParseException.Kind.NOT_XML,
              subject + " is not XML (starts with \"" + clip(s.substring(firstNonWs).strip(), 40)
                  + "\"); check that the URL points at an RSS or Atom feed");
        }
        recoveries.add("removed " + (lt - firstNonWs) + " characters of junk before the first tag (\""
            + clip(s.substring(firstNonWs, lt).strip(), 60) + "\")");
        firstNonWs = lt;
      }
    } else if (firstNonWs > start) {
      recoveries.add("removed whitespace before the XML declaration");
    }

    // Walk the prolog: declaration, comments, PIs, DOCTYPE, up to the root start tag.
    StringBuilder out = null;
    int i = firstNonWs;
    int copyFrom = firstNonWs;
    String rootName = "";
    while (i < s.length()) {
      char c = s.charAt(i);
      if (isXmlSpace(c)) {
        i++;
        continue;
      }
      if (c != '<') break;
      if (s.startsWith("<?", i)) {
        int end = s.indexOf("?>", i);
        if (end < 0) break;
        i = end + 2;
      } else if (s.startsWith("<!--", i)) {
        int end = s.indexOf("-->", i);
        if (end < 0) break;
        i = end + 3;
      } else if (s.regionMatches(true, i, "<!DOCTYPE", 0, 9)) {
        int end = doctypeEnd(s, i);
        String doctype = s.substring(i, end);
        String name = doctypeName(doctype);
        if (doctype.contains("<!ENTITY")) {
          throw new FeedParseException(FeedParseException.Kind.UNSAFE_DTD,
              subject + " declares entities in its DOCTYPE (the shape of an entity-expansion or"
                  + " external-entity attack); refused without processing it");
        }
        if (name.equalsIgnoreCase("html")) {
          throw htmlPage(s, subject);
        }
        if (out == null) out = new StringBuilder(s.length());
        out.append(s, copyFrom, i);
        copyFrom = end;
        recoveries.add("removed DOCTYPE " + name + " (never processed)");
        i = end;
      } else {
        int j = i + 1;
        while (j < s.length() && isNameChar(s.charAt(j))) j++;
        rootName = s.substring(i + 1, j);
        break;
      }
    }
    String local = rootName.contains(":") ? rootName.substring(rootName.indexOf(':') + 1) : rootName;
    String lower = local.toLowerCase(Locale.ROOT);
    if (lower.equals("html") || lower.equals("head") || lower.equals("body")) {
      throw htmlPage(s, subject);
    }
    String text;
    if (out == null) {
      text = firstNonWs == 0 ? s : s.substring(firstNonWs);
    } else {
      out.append(s, copyFrom, s.length());
      text = out.toString();
    }
    return new Prolog(text, rootName);
  }

  private static boolean containsRoot(String s, int from, int to) {
    String region = s.substring(from, to);
    return region.contains("<rss") || region.contains("<feed") || region.contains("<rdf:RDF");
  }

  private static FeedParseException htmlPage(String s, String subject) {
    Matcher m = HTML_TITLE.matcher(s.length() > 65536 ? s.substring(0, 65536) : s);
    String title = m.find() ? " (title: \"" + clip(m.group(1).strip().replaceAll("\\s+", " "), 80) + "\")" : "";
    return new FeedParseException(FeedParseException.Kind.HTML_PAGE,
        subject + " is an HTML page, not a feed" + title
            + "; look for the feed link on that page or check the URL");
  }

  private static int doctypeEnd(String s, int i) {
    int depth = 0;
    char quote = 0;
    for (int k = i + 9; k < s.length(); k++) {
      char c = s.charAt(k);
      if (quote != 0) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '[') {
        depth++;
      } else if (c == ']') {
        depth--;
      } else if (c == '>' && depth <= 0) {
        return k + 1;
      }
    }
    return s.length();
  }

  private static String doctypeName(String doctype) {
    int k = 9;
    while (k < doctype.length() && isXmlSpace(doctype.charAt(k))) k++;
    int j = k;
    while (j < doctype.length() && isNameChar(doctype.charAt(j))) j++;
    return doctype.substring(k, j);
  }

  /**
   * The lenient pass: maps HTML entities to characters, escapes bare {@code &} and stray {@code <}, drops
   * XML-illegal characters. CDATA sections, comments and processing instructions are copied as they are (minus
   * illegal characters).
   */
  static String repair(String s, List<String> recoveries) {
    StringBuilder out = new StringBuilder(s.length() + 256);
    Set<String> entities = new TreeSet<>();
    int entityCount = 0;
    int unknownEntities = 0;
    int bareAmps = 0;
    int strayLt = 0;
    int illegal = 0;
    int n = s.length();
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (c == '<') {
        String close = null;
        if (s.startsWith("<![CDATA[", i)) close = "]]>";
        else if (s.startsWith("<!--", i)) close = "-->";
        else if (s.startsWith("<?", i)) close = "?>";
        if (close != null) {
          int end = s.indexOf(close, i);
          end = end < 0 ? n : end + close.length();
          for (int k = i; k < end; k++) {
            char d = s.charAt(k);
            if (isLegal(s, k, d)) out.append(d);
            else illegal++;
          }
          i = end;
          continue;
        }
        char next = i + 1 < n ? s.charAt(i + 1) : ' ';
        if (next == '/' || next == '!' || isNameStart(next)) {
          out.append(c);
        } else {
          out.append("&lt;");
          strayLt++;
        }
        i++;
      } else if (c == '&') {
        int semi = -1;
        for (int k = i + 1; k < Math.min(n, i + 34); k++) {
          char d = s.charAt(k);
          if (d == ';') {
            semi = k;
            break;
          }
          if (!(Character.isLetterOrDigit(d) || d == '#')) break;
        }
        if (semi < 0 || semi == i + 1) {
          out.append("&amp;");
          bareAmps++;
          i++;
          continue;
        }
        String name = s.substring(i + 1, semi);
        if (name.startsWith("#")) {
          int cp = numericReference(name);
          if (cp >= 0 && isLegalCodePoint(cp)) {
            out.append(s, i, semi + 1);
          } else if (cp >= 0x80 && cp <= 0x9F) {
            // Numeric references to C1 controls almost always mean windows-1252 characters.
            out.append(FeedDecoder.mixed(new byte[] {(byte) cp}, 0));
            entityCount++;
          } else {
            illegal++;
          }
          i = semi + 1;
          continue;
        }
        switch (name) {
          case "amp", "lt", "gt", "quot", "apos" -> out.append(s, i, semi + 1);
          default -> {
            var mapped = HtmlEntities.lookup(name).or(() -> HtmlEntities.lookup(name.toLowerCase(Locale.ROOT)));
            if (mapped.isPresent()) {
              out.append(mapped.get());
              entityCount++;
              if (entities.size() < 8) entities.add("&" + name + ";");
            } else {
              out.append("&amp;").append(name).append(';');
              unknownEntities++;
              if (entities.size() < 8) entities.add("&" + name + "; (unknown, kept as text)");
            }
          }
        }
        i = semi + 1;
      } else {
        if (isLegal(s, i, c)) out.append(c);
        else illegal++;
        i++;
      }
    }
    if (entityCount + unknownEntities > 0) {
      recoveries.add("replaced " + (entityCount + unknownEntities) + " undeclared entity references " + entities);
    }
    if (bareAmps > 0) recoveries.add("escaped " + bareAmps + " bare '&'");
    if (strayLt > 0) recoveries.add("escaped " + strayLt + " stray '<'");
    if (illegal > 0) recoveries.add("removed " + illegal + " characters that XML does not allow (control characters)");
    return out.toString();
  }

  /** Declares prefixes used but never declared on the root element: known ones to their namespace. */
  static String declarePrefixes(String s, List<String> recoveries) {
    Set<String> declared = new LinkedHashSet<>();
    Matcher d = DECLARED_PREFIX.matcher(s);
    while (d.find()) declared.add(d.group(1));
    Set<String> missing = new TreeSet<>();
    Matcher u = USED_PREFIX.matcher(s);
    while (u.find()) {
      String p = u.group(1);
      if (!declared.contains(p) && !p.equals("xml") && !p.equals("xmlns")) missing.add(p);
    }
    if (missing.isEmpty()) return s;
    int root = rootStart(s);
    if (root < 0) return s;
    int nameEnd = root + 1;
    while (nameEnd < s.length() && isNameChar(s.charAt(nameEnd))) nameEnd++;
    StringBuilder decls = new StringBuilder();
    for (String p : missing) {
      String uri = KNOWN_PREFIXES.getOrDefault(p, "urn:podinsights:undeclared:" + p);
      decls.append(" xmlns:").append(p).append("=\"").append(uri).append('"');
    }
    recoveries.add("declared undeclared namespace prefixes " + missing);
    return s.substring(0, nameEnd) + decls + s.substring(nameEnd);
  }

  private static int rootStart(String s) {
    int i = 0;
    while (i < s.length()) {
      int lt = s.indexOf('<', i);
      if (lt < 0 || lt + 1 >= s.length()) return -1;
      char next = s.charAt(lt + 1);
      if (next == '?') {
        i = s.indexOf("?>", lt) + 2;
        if (i < 2) return -1;
      } else if (next == '!') {
        int end = s.startsWith("<!--", lt) ? s.indexOf("-->", lt) + 3 : s.indexOf('>', lt) + 1;
        if (end <= 0) return -1;
        i = end;
      } else {
        return lt;
      }
    }
    return -1;
  }

  private static int numericReference(String name) {
    try {
      if (name.startsWith("#x") || name.startsWith("#X")) return Integer.parseInt(name.substring(2), 16);
      return Integer.parseInt(name.substring(1));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  static boolean isXmlSpace(char c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
  }

  private static boolean isNameStart(char c) {
    return Character.isLetter(c) || c == '_' || c == ':';
  }

  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == ':' || c == '-' || c == '.';
  }

  private static boolean isLegalCodePoint(int cp) {
    return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD)
        || (cp >= 0x10000 && cp <= 0x10FFFF);
  }

  private static boolean isLegal(String s, int i, char c) {
    if (c >= 0x20 && c < 0xD800) return true;
    if (c == 0x9 || c == 0xA || c == 0xD) return true;
    if (c < 0x20) return false;
    if (Character.isHighSurrogate(c)) return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    if (Character.isLowSurrogate(c)) return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    return c != 0xFFFE && c != 0xFFFF;
  }

  static String clip(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max) + "…";
  }
}
