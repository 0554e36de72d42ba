package io.podinsights.transcript.format;

import io.podinsights.transcript.Transcript;
import io.podinsights.transcript.TranscriptFormat;
import io.podinsights.transcript.TranscriptSource;
import io.podinsights.transcript.format.TranscriptParseException.Problem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Picks the format of a transcript file and reads it. Formats rank JSON > VTT > SRT > HTML > TEXT (the enum order).
 * A body is tried as: the format its content shows (WEBVTT signature, JSON brace, markup, SRT time lines), then the
 * declared format (MIME type or --format), then the file name's extension; plain text only when it is declared or
 * nothing else identifies the content. SBV (YouTube) files are read by the SRT parser, so ".sbv" names SRT. The first reading with text wins, so a .vtt served as text/plain or JSON served
 * as text/html is still read right.
 */
public final class TranscriptFormats {
  private static final int SNIFF_LINES = 12;

  private TranscriptFormats() {}

  /** The format a MIME type names, loosely: parameters, case and x-/vendor variants ignored; empty when unknown. */
  public static Optional<TranscriptFormat> fromMimeType(String mimeType) {
    if (mimeType == null) return Optional.empty();
    String type = mimeType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (type.isEmpty()) return Optional.empty();
    String subtype = type.substring(type.indexOf('/') + 1);
    if (subtype.equals("json") || subtype.endsWith("+json") || subtype.endsWith("-json")) {
      return Optional.of(TranscriptFormat.JSON);
    }
    if (subtype.contains("vtt")) return Optional.of(TranscriptFormat.VTT);
    if (subtype.contains("subrip") || subtype.equals("srt") || subtype.equals("x-srt")) {
      return Optional.of(TranscriptFormat.SRT);
    }
    if (subtype.equals("html") || subtype.equals("xhtml+xml") || subtype.equals("xhtml")) {
      return Optional.of(TranscriptFormat.HTML);
    }
    if (type.equals("text/plain") || subtype.contains("markdown")) return Optional.of(TranscriptFormat.TEXT);
    return Optional.empty();
  }

  /** The format a file name or URL's extension names (query and fragment ignored); empty when unknown. */
  public static Optional<TranscriptFormat> fromName(String nameOrUrl) {
    if (nameOrUrl == null) return Optional.empty();
    String path = nameOrUrl.split("[?#]", 2)[0];
    int slash = path.lastIndexOf('/');
    String file = path.substring(slash + 1).toLowerCase(Locale.ROOT);
    int dot = file.lastIndexOf('.');
    if (dot < 0) return Optional.empty();
    return switch (file.substring(dot + 1)) {
      case "json" -> Optional.of(TranscriptFormat.JSON);
      case "vtt", "webvtt" -> Optional.of(TranscriptFormat.VTT);
      case "srt", "sbv" -> Optional.of(TranscriptFormat.SRT);
      case "html", "htm", "xhtml" -> Optional.of(TranscriptFormat.HTML);
      case "txt", "text", "md", "markdown" -> Optional.of(TranscriptFormat.TEXT);
      default -> Optional.empty();
    };
  }

  /** The format the content itself shows; empty when it could be anything (then it is plain text at best). */
  public static Optional<TranscriptFormat> sniff(String text) {
    String s = Markup.normalizeLines(text).stripLeading();
    if (s.startsWith("WEBVTT")) return Optional.of(TranscriptFormat.VTT);
    if (s.startsWith("{") || s.startsWith("[")) return Optional.of(TranscriptFormat.JSON);
    if (s.startsWith("<")) return Optional.of(TranscriptFormat.HTML);
    String[] lines = s.split("\n", SNIFF_LINES + 1);
    for (int i = 0; i < Math.min(lines.length, SNIFF_LINES); i++) {
      if (CueTiming.arrowOrSbv(lines[i]).isPresent()) return Optional.of(TranscriptFormat.SRT);
    }
    return Optional.empty();
  }

  /**
   * Decodes a transcript body: a byte-order mark (UTF-8, UTF-16, UTF-32) wins; UTF-16 without one is recognised by its
   * zero bytes; otherwise UTF-8, or Windows-1252 when the bytes are not valid UTF-8.
   */
  public static String decode(byte[] body) {
    int n = body.length;
    if (n >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF) {
      return new String(body, 3, n - 3, StandardCharsets.UTF_8);
    }
    if (n >= 4 && (body[0] & 0xFF) == 0xFF && (body[1] & 0xFF) == 0xFE && body[2] == 0 && body[3] == 0) {
      return new String(body, 4, n - 4, Charset.forName("UTF-32LE"));
    }
    if (n >= 4 && body[0] == 0 && body[1] == 0 && (body[2] & 0xFF) == 0xFE && (body[3] & 0xFF) == 0xFF) {
      return new String(body, 4, n - 4, Charset.forName("UTF-32BE"));
    }
    if (n >= 2 && (body[0] & 0xFF) == 0xFF && (body[1] & 0xFF) == 0xFE) {
      return new String(body, 2, n - 2, StandardCharsets.UTF_16LE);
    }
    if (n >= 2 && (body[0] & 0xFF) == 0xFE && (body[1] & 0xFF) == 0xFF) {
      return new String(body, 2, n - 2, StandardCharsets.UTF_16BE);
    }
    if (n >= 4 && body[0] != 0 && body[1] == 0 && body[2] != 0 && body[3] == 0) {
      return new String(body, StandardCharsets.UTF_16LE);
    }
    if (n >= 4 && body[0] == 0 && body[1] != 0 && body[2] == 0 && body[3] != 0) {
      return new String(body, StandardCharsets.UTF_16BE);
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException e) {
      return new String(body, Charset.forName("windows-1252"));
    }
  }

  /**
   * The formats to try, in order: what the content shows, then each hint given; plain text only when nothing is known.
   * Markup is read as HTML only when no hint is given or one says HTML or TEXT, so a web page answered for a .json or
   * .vtt link (a "soft 404") fails instead of passing for a transcript.
   */
  public static List<TranscriptFormat> candidates(String text, List<Optional<TranscriptFormat>> hints) {
    List<TranscriptFormat> declared = hints.stream().flatMap(Optional::stream).toList();
    boolean untimedAllowed = declared.isEmpty()
        || declared.contains(TranscriptFormat.HTML) || declared.contains(TranscriptFormat.TEXT);
    Set<TranscriptFormat> order = new LinkedHashSet<>();
    sniff(text).filter(f -> untimedAllowed || f != TranscriptFormat.HTML).ifPresent(order::add);
    order.addAll(declared);
    if (order.isEmpty()) order.add(TranscriptFormat.TEXT);
    return List.copyOf(order);
  }

  /** Reads {@code text} as exactly {@code format}. */
  public static Transcript parse(String text, TranscriptFormat format, TranscriptSource source)
      throws TranscriptParseException {
    return switch (format) {
      case JSON -> JsonTranscriptParser.parse(text, source);
      case VTT -> VttTranscriptParser.parse(text, source);
      case SRT -> SrtTranscriptParser.parse(text, source);
      case HTML -> HtmlTranscriptParser.parse(text, source);
      case TEXT -> {
        Transcript t = TextTranscriptParser.parse(text, source);
        if (t.isEmpty()) throw new TranscriptParseException(Problem.NO_TEXT, "the text file has no text");
        yield t;
      }
    };
  }

  /**
   * Reads a transcript body whose format may be missing or wrong. {@code declared} is the MIME type's or the user's
   * format, {@code nameOrUrl} gives the extension and names the file in errors, and {@code source} makes the provenance
   * for the format actually used ({@code f -> new TranscriptSource.Published(url, f)}).
   *
   * @throws TranscriptParseException when no format reads it: EMPTY for an empty body, else the problem met by the
   *     first format tried, with every attempt in the message
   */
  public static Transcript parse(byte[] body, Optional<TranscriptFormat> declared, String nameOrUrl,
      Function<TranscriptFormat, TranscriptSource> source) throws TranscriptParseException {
    return parse(body, List.of(declared, fromName(nameOrUrl)), nameOrUrl, source);
  }

  /**
   * Reads a local transcript file (CLI {@code podinsights transcript parse FILE [--format F]}); the source is
   * {@code Local(path, format used)}. {@code format} is the user's --format, tried after what the content shows.
   */
  public static Transcript parseFile(Path file, Optional<TranscriptFormat> format)
      throws IOException, TranscriptParseException {
    String name = file.toString();
    return parse(Files.readAllBytes(file), format, name, f -> new TranscriptSource.Local(name, f));
  }

  /** As {@link #parse(byte[], Optional, String, Function)} with several hints, most trusted first. */
  public static Transcript parse(byte[] body, List<Optional<TranscriptFormat>> hints, String nameOrUrl,
      Function<TranscriptFormat, TranscriptSource> source) throws TranscriptParseException {
    String text = decode(body);
    if (Markup.normalizeLines(text).isBlank()) {
      throw new TranscriptParseException(Problem.EMPTY,
          nameOrUrl + " is empty (" + body.length + " bytes); use another transcript or transcribe the audio");
    }
    List<String> failures = new ArrayList<>();
    Problem first = null;
    for (TranscriptFormat format : candidates(text, hints)) {
      try {
        return parse(text, format, source.apply(format));
      } catch (TranscriptParseException e) {
        if (first == null) first = e.problem();
        failures.add("as " + format + ": " + e.getMessage().substring("transcript: ".length()));
      } catch (RuntimeException e) {
        if (first == null) first = Problem.MALFORMED;
        failures.add("as " + format + ": " + e);
      }
    }
    throw new TranscriptParseException(first,
        "could not read " + nameOrUrl + " (" + String.join("; ", failures) + ")");
  }
}
