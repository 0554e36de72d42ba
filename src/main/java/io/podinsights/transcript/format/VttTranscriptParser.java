package io.podinsights.transcript.format;

import io.podinsights.transcript.Transcript;
import io.podinsights.transcript.TranscriptSource;
import io.podinsights.transcript.format.TranscriptParseException.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads WebVTT: header metadata, NOTE/STYLE/REGION blocks and cue identifiers skipped; cue settings ignored; voices
 * ({@code <v Name>}, {@code <v.loud Name>}) become the speaker, who carries over to following cues without a voice (the
 * Podcasting 2.0 convention of naming the speaker only when it changes), and so does a leading "Name:" label in a cue
 * without a voice (files converted from SRT); other tags and inline timestamps are stripped
 * and entities decoded. A line with a valid time line inside a cue starts a new cue, as in the WebVTT parsing rules.
 * Text under a broken or missing time line is kept, appended to the cue before it (dropped before the first cue).
 * In YouTube-style rolling captions (files with karaoke timestamps such as {@code <00:05:04.199>}) a cue's first line
 * that repeats the previous cue's last line is dropped, so each word is said once.
 */
public final class VttTranscriptParser {
  /** Karaoke timestamps inside cue text ({@code <00:05:04.199>}): the mark of YouTube-style rolling captions. */
  private static final Pattern INLINE_TIMESTAMP = Pattern.compile("<(?:\\d{1,3}:)?\\d{2}:\\d{2}\\.\\d{3}>");
  private static final Pattern VOICE = Pattern.compile("<v(?:\\.[^\\s>]*)?(?:[ \\t]+([^>]*))?>");

  private VttTranscriptParser() {}

  public static Transcript parse(String text, TranscriptSource source) throws TranscriptParseException {
    String body = Markup.normalizeLines(text);
    if (body.isBlank()) throw new TranscriptParseException(Problem.EMPTY, "the WebVTT file is empty");
    String[] lines = body.split("\n", -1);
    String first = lines[0].strip();
    if (!(first.equals("WEBVTT") || first.startsWith("WEBVTT ") || first.startsWith("WEBVTT\t"))) {
      throw new TranscriptParseException(Problem.WRONG_FORMAT,
          "not WebVTT: the first line is not the WEBVTT signature (found \"" + shorten(first) + "\")");
    }
    int i = 1;
    while (i < lines.length && !lines[i].isBlank() && !lines[i].contains("-->")) i++;

    CueReader reader = new CueReader(INLINE_TIMESTAMP.matcher(body).find());
    List<String> block = new ArrayList<>();
    for (; i <= lines.length; i++) {
      if (i == lines.length || lines[i].isBlank()) {
        if (!block.isEmpty()) reader.block(block);
        block.clear();
      } else {
        block.add(lines[i]);
      }
    }
    return reader.finish(source, "WebVTT");
  }

  private static String shorten(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }

  /** Turns blocks of lines into cues, remembering the last speaker. */
  private static final class CueReader {
    final List<Cue> cues = new ArrayList<>();
    final boolean rolling;
    Optional<String> speaker = Optional.empty();
    String previousLastLine = "";
    int timeLines;

    CueReader(boolean rolling) {
      this.rolling = rolling;
    }

    void block(List<String> lines) {
      String head = lines.getFirst().strip();
      int timing = lines.getFirst().contains("-->") ? 0 : lines.size() > 1 && lines.get(1).contains("-->") ? 1 : -1;
      if (timing < 0 && (keyword(head, "NOTE") || keyword(head, "STYLE") || keyword(head, "REGION"))) return;
      if (timing < 0) {
        orphan(lines);
        return;
      }
      Optional<CueTiming> time = CueTiming.arrow(lines.get(timing));
      if (time.isEmpty()) {
        orphan(lines.subList(timing + 1, lines.size()));
        return;
      }
      CueTiming current = time.get();
      List<String> text = new ArrayList<>();
      for (String line : lines.subList(timing + 1, lines.size())) {
        Optional<CueTiming> next = CueTiming.arrow(line);
        if (next.isPresent()) {
          add(current, text);
          current = next.get();
          text = new ArrayList<>();
        } else {
          text.add(line);
        }
      }
      add(current, text);
    }

    void add(CueTiming time, List<String> cueLines) {
      timeLines++;
      List<String> lines = rolling ? withoutRepeatedLine(cueLines) : cueLines;
      String raw = String.join("\n", lines);
      Matcher voice = VOICE.matcher(raw);
      if (voice.find() && voice.group(1) != null && !voice.group(1).isBlank()) {
        speaker = Optional.of(Markup.plain(voice.group(1)));
        cues.add(new Cue(time.start(), time.end(), speaker, Markup.plain(raw)));
        return;
      }
      Markup.Labelled labelled = Markup.speakerLabel(Markup.decodeEntities(Markup.stripTags(raw)).strip());
      if (labelled.speaker().isPresent()) speaker = labelled.speaker();
      cues.add(new Cue(time.start(), time.end(), speaker, Markup.collapse(labelled.text())));
    }

    /** Rolling captions repeat the previous cue's last line on top of the new one: keep only what is new. */
    private List<String> withoutRepeatedLine(List<String> lines) {
      List<String> shown = lines.stream().filter(l -> !Markup.plain(l).isEmpty()).toList();
      if (shown.isEmpty()) return shown;
      String lastLine = Markup.plain(shown.getLast());
      boolean repeats = Markup.plain(shown.getFirst()).equals(previousLastLine);
      previousLastLine = lastLine;
      return repeats ? shown.subList(1, shown.size()) : shown;
    }

    void orphan(List<String> lines) {
      if (cues.isEmpty()) return;
      List<String> kept = lines.stream().filter(l -> !l.contains("-->")).toList();
      if (kept.isEmpty()) return;
      Cue last = cues.removeLast();
      cues.add(new Cue(last.start(), last.end(), last.speaker(),
          last.text() + " " + Markup.plain(String.join("\n", kept))));
    }

    Transcript finish(TranscriptSource source, String format) throws TranscriptParseException {
      if (timeLines == 0) {
        throw new TranscriptParseException(Problem.MALFORMED, "the " + format + " file has no cue with a valid time line");
      }
      Transcript t = Cue.toTranscript(cues, source);
      if (t.segments().isEmpty()) {
        throw new TranscriptParseException(Problem.NO_TEXT, "the " + format + " file has " + timeLines + " cues but none has text");
      }
      return t;
    }

    private static boolean keyword(String line, String word) {
      return line.equals(word) || line.startsWith(word + " ") || line.startsWith(word + "\t");
    }
  }
}
