package io.podinsights.feed.parse;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns feed bytes into characters: BOM, then HTTP charset, then the XML declaration, then detection; ISO-8859-1 is
 * read as windows-1252 and bytes that are not valid UTF-8 fall back to windows-1252 one byte at a time.
 */
final class FeedDecoder {
  private static final Charset CP1252 = Charset.forName("windows-1252");
  private static final Pattern DECL_ENCODING =
      Pattern.compile("<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");
  private static final Pattern HTTP_CHARSET =
      Pattern.compile("charset\\s*=\\s*\"?([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);
  private static final char[] CP1252_HIGH = new char[256];

  static {
    byte[] all = new byte[256];
    for (int i = 0; i < 256; i++) all[i] = (byte) i;
    String s = new String(all, CP1252);
    for (int i = 0; i < 256; i++) {
      char c = s.charAt(i);
      // windows-1252 leaves 0x81, 0x8D, 0x8F, 0x90, 0x9D undefined: keep them as the Latin-1 code point.
      CP1252_HIGH[i] = c == '\uFFFD' ? (char) i : c;
    }
  }

  private FeedDecoder() {}

  static String decode(byte[] body, Optional<String> httpContentType, List<String> recoveries, List<String> warnings) {
    int bomLength = 0;
    Charset charset = null;
    String source = "";
    if (startsWith(body, 0xEF, 0xBB, 0xBF)) {
      charset = StandardCharsets.UTF_8;
      bomLength = 3;
    } else if (startsWith(body, 0x00, 0x00, 0xFE, 0xFF)) {
      charset = Charset.forName("UTF-32BE");
      bomLength = 4;
    } else if (startsWith(body, 0xFF, 0xFE, 0x00, 0x00)) {
      charset = Charset.forName("UTF-32LE");
      bomLength = 4;
    } else if (startsWith(body, 0xFE, 0xFF)) {
      charset = StandardCharsets.UTF_16BE;
      bomLength = 2;
    } else if (startsWith(body, 0xFF, 0xFE)) {
      charset = StandardCharsets.UTF_16LE;
      bomLength = 2;
    }
    if (charset != null) {
      source = "byte order mark";
    }
    if (charset == null) {
      Optional<Charset> http = httpContentType.flatMap(FeedDecoder::httpCharset);
      if (http.isPresent()) {
        charset = http.get();
        source = "HTTP Content-Type";
      }
    }
    if (charset == null) {
      if (startsWith(body, 0x00, 0x00, 0x00, 0x3C)) charset = Charset.forName("UTF-32BE");
      else if (startsWith(body, 0x3C, 0x00, 0x00, 0x00)) charset = Charset.forName("UTF-32LE");
      else if (startsWith(body, 0x00, 0x3C, 0x00)) charset = StandardCharsets.UTF_16BE;
      else if (startsWith(body, 0x3C, 0x00, 0x3F) || startsWith(body, 0x3C, 0x00)) charset = StandardCharsets.UTF_16LE;
      if (charset != null) source = "byte pattern";
    }
    if (charset == null) {
      Optional<String> declared = declaredEncoding(body);
      if (declared.isPresent()) {
        Optional<Charset> cs = charsetNamed(declared.get());
        if (cs.isPresent()) {
          charset = cs.get();
          source = "XML declaration";
        } else {
          warnings.add("feed: unknown declared encoding '" + declared.get() + "'; read as UTF-8");
        }
      }
    }
    if (charset == null) {
      charset = StandardCharsets.UTF_8;
      source = "default";
    }

    if (charset.equals(StandardCharsets.UTF_8)) {
      Optional<String> strict = strictUtf8(body, bomLength);
      if (strict.isPresent()) return strict.get();
      recoveries.add("encoding: bytes are not valid UTF-8 (per " + source + "); invalid bytes read as windows-1252");
      return mixed(body, bomLength);
    }
    if (charset.equals(CP1252) && !source.equals("byte order mark")) {
      int[] counts = utf8Evidence(body, bomLength);
      int validMultibyte = counts[0];
      int invalidHigh = counts[1];
      if (invalidHigh == 0 && validMultibyte == 0) {
        return new String(body, bomLength, body.length - bomLength, StandardCharsets.ISO_8859_1);
      }
      if (validMultibyte >= 2 && invalidHigh * 4 <= validMultibyte) {
        recoveries.add("encoding: declared single-byte (per " + source + ") but the body is UTF-8 ("
            + validMultibyte + " UTF-8 sequences, " + invalidHigh + " stray bytes read as windows-1252)");
        return mixed(body, bomLength);
      }
    }
    return new String(body, bomLength, body.length - bomLength, charset);
  }

  private static boolean startsWith(byte[] b, int... prefix) {
    if (b.length < prefix.length) return false;
    for (int i = 0; i < prefix.length; i++) {
      if ((b[i] & 0xFF) != prefix[i]) return false;
    }
    return true;
  }

  static Optional<Charset> httpCharset(String contentType) {
    Matcher m = HTTP_CHARSET.matcher(contentType);
    return m.find() ? charsetNamed(m.group(1)) : Optional.empty();
  }

  private static Optional<String> declaredEncoding(byte[] body) {
    int n = Math.min(body.length, 64 * 1024);
    String head = new String(body, 0, n, StandardCharsets.ISO_8859_1);
    int decl = head.indexOf("<?xml");
    if (decl < 0) return Optional.empty();
    int end = head.indexOf("?>", decl);
    if (end < 0) return Optional.empty();
    Matcher m = DECL_ENCODING.matcher(head.substring(decl, end + 2));
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  static Optional<Charset> charsetNamed(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    switch (n) {
      case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii", "iso_8859-1", "cp1252",
          "windows-1252" -> {
        return Optional.of(CP1252);
      }
      case "utf8", "utf-8" -> {
        return Optional.of(StandardCharsets.UTF_8);
      }
      // An explicit UTF-16 declaration on bytes with no BOM and no 16-bit pattern is a lie; read as UTF-8.
      case "utf-16", "utf16", "ucs-2" -> {
        return Optional.of(StandardCharsets.UTF_8);
      }
      default -> {
        try {
          return Optional.of(Charset.forName(name.trim()));
        } catch (RuntimeException e) {
          return Optional.empty();
        }
      }
    }
  }

  private static Optional<String> strictUtf8(byte[] body, int offset) {
    try {
      CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body, offset, body.length - offset));
      return Optional.of(chars.toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  /** Length of a valid UTF-8 multibyte sequence starting at {@code i}, or 0. */
  private static int utf8SequenceLength(byte[] b, int i) {
    int c = b[i] & 0xFF;
    int len;
    if (c >= 0xC2 && c <= 0xDF) len = 2;
    else if (c >= 0xE0 && c <= 0xEF) len = 3;
    else if (c >= 0xF0 && c <= 0xF4) len = 4;
    else return 0;
    if (i + len > b.length) return 0;
    for (int k = 1; k < len; k++) {
      if ((b[i + k] & 0xC0) != 0x80) return 0;
    }
    int c1 = b[i + 1] & 0xFF;
    if (c == 0xE0 && c1 < 0xA0) return 0;
    if (c == 0xED && c1 > 0x9F) return 0;
    if (c == 0xF0 && c1 < 0x90) return 0;
    if (c == 0xF4 && c1 > 0x8F) return 0;
    return len;
  }

  private static int[] utf8Evidence(byte[] b, int offset) {
    int valid = 0;
    int invalid = 0;
    int i = offset;
    while (i < b.length) {
      if (b[i] >= 0) {
        i++;
        continue;
      }
      int len = utf8SequenceLength(b, i);
      if (len == 0) {
        invalid++;
        i++;
      } else {
        valid++;
        i += len;
      }
    }
    return new int[] {valid, invalid};
  }

  /** UTF-8 where the bytes form valid sequences, windows-1252 for every other byte. */
  static String mixed(byte[] b, int offset) {
    StringBuilder sb = new StringBuilder(b.length);
    int i = offset;
    while (i < b.length) {
      int c = b[i];
      if (c >= 0) {
        sb.append((char) c);
        i++;
        continue;
      }
      int len = utf8SequenceLength(b, i);
      if (len == 0) {
        sb.append(CP1252_HIGH[c & 0xFF]);
        i++;
      } else {
        sb.append(new String(b, i, len, StandardCharsets.UTF_8));
        i += len;
      }
    }
    return sb.toString();
  }
}
