package io.podinsights.transcript.format;

import io.podinsights.transcript.Transcript;
import io.podinsights.transcript.TranscriptSource;
import io.podinsights.transcript.format.TranscriptParseException.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads SubRip (SRT), and YouTube SBV ("0:00:01.000,0:00:02.000" time lines) with the same rules. Sequence numbers are
 * optional; milliseconds may use "," or "." and have 1-3 digits (a decimal fraction) or be missing; coordinates after the
 * time line are ignored; HTML-like tags ({@code <i>}, {@code <font>}) and {@code {\an8}} overrides are stripped and
 * entities decoded. A leading "Name:" label (one to four capitalised words) sets the speaker, who carries over to
 * following cues until the next label. Text after an extra blank line, or under a missing or broken time line, is
 * appended to the cue before it (dropped before the first cue); a lone number line is taken for a sequence number.
 */
public final class SrtTranscriptParser {
  private static final Pattern NUMBER = Pattern.compile("\\s*\\d+\\s*");

  private SrtTranscriptParser() {}

  public static Transcript parse(String content, TranscriptSource source) throws TranscriptParseException {
    String body = Markup.normalizeLines(content);
    if (body.isBlank()) throw new TranscriptParseException(Problem.EMPTY, "the SRT file is empty");
    String[] lines = body.split("\n", -1);
    List<Cue> cues = new ArrayList<>();
    Optional<String> speaker = Optional.empty();
    Optional<CueTiming> open = Optional.empty();
    List<String> text = new ArrayList<>();
    int timeLines = 0;
    boolean blankSinceText = false;
    for (int i = 0; i <= lines.length; i++) {
      String line = i < lines.length ? lines[i] : "";
      Optional<CueTiming> timing = i < lines.length ? CueTiming.arrowOrSbv(line) : Optional.empty();
      boolean sequence = NUMBER.matcher(line).matches()
          && (i + 1 >= lines.length || CueTiming.arrowOrSbv(lines[i + 1]).isPresent() || blankSinceText || open.isEmpty());
      if (i == lines.length || timing.isPresent()) {
        if (open.isPresent()) {
          speaker = addCue(cues, open.get(), text, speaker);
        } else if (!text.isEmpty()) {
          appendToLast(cues, text);
        }
        text = new ArrayList<>();
        open = timing;
        if (timing.isPresent()) timeLines++;
        blankSinceText = false;
      } else if (line.isBlank()) {
        blankSinceText = true;
      } else if (sequence) {
        // a sequence number (or a stray number line between cues): not text
      } else if (line.contains("-->")) {
        // a broken time line: the text under it joins the previous cue
        if (open.isPresent()) speaker = addCue(cues, open.get(), text, speaker);
        else if (!text.isEmpty()) appendToLast(cues, text);
        text = new ArrayList<>();
        open = Optional.empty();
      } else {
        text.add(line);
      }
    }
    if (timeLines == 0) {
      throw new TranscriptParseException(Problem.MALFORMED, "the SRT file has no cue with a valid time line");
    }
    Transcript t = Cue.toTranscript(cues, source);
    if (t.segments().isEmpty()) {
      throw new TranscriptParseException(Problem.NO_TEXT, "the SRT file has " + timeLines + " cues but none has text");
    }
    return t;
  }

  private static Optional<String> addCue(List<Cue> cues, CueTiming time, List<String> lines, Optional<String> speaker) {
    String raw = Markup.decodeEntities(Markup.stripTags(String.join("\n", lines))).strip();
    Markup.Labelled labelled = Markup.speakerLabel(raw);
    Optional<String> who = labelled.speaker().isPresent() ? labelled.speaker() : speaker;
    cues.add(new Cue(time.start(), time.end(), who, Markup.collapse(labelled.text())));
    return who;
  }

  private static void appendToLast(List<Cue> cues, List<String> lines) {
    if (cues.isEmpty()) return;
    Cue last = cues.removeLast();
    cues.add(new Cue(last.start(), last.end(), last.speaker(), last.text() + " " + Markup.plain(String.join("\n", lines))));
  }
}
