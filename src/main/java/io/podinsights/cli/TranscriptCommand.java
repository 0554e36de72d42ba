package io.podinsights.cli;

import io.podinsights.digest.ClockTime;
import io.podinsights.transcript.Segment;
import io.podinsights.transcript.Transcript;
import io.podinsights.transcript.TranscriptFormat;
import io.podinsights.transcript.format.TranscriptFormats;
import io.podinsights.transcript.format.TranscriptJson;
import io.podinsights.transcript.format.TranscriptParseException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code podinsights transcript parse FILE [--format F] [--json]}: what we read from a transcript file. */
@Command(name = "transcript", description = "Inspect transcripts.", mixinStandardHelpOptions = true,
    subcommands = TranscriptCommand.Parse.class)
final class TranscriptCommand {

  /** Parses one transcript file and prints its segments. */
  @Command(name = "parse", description = "Parse a transcript file (JSON, VTT, SRT, HTML, text) and print its segments.",
      mixinStandardHelpOptions = true)
  static final class Parse implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "The transcript file.")
    Path file;

    @Option(names = "--format", paramLabel = "F", description = "json, vtt, srt, html or text (default: detected).")
    String format;

    @Option(names = "--json", description = "Print JSON: {\"segments\":[{start, end, speaker, text}]}.")
    boolean json;

    @Override
    public Integer call() throws IOException {
      if (!Files.isRegularFile(file)) {
        System.err.println("transcript: no such file: " + file);
        return 1;
      }
      Optional<TranscriptFormat> declared;
      try {
        declared = Optional.ofNullable(format).map(f -> TranscriptFormat.valueOf(f.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        System.err.println("transcript: unknown format '" + format + "'; use json, vtt, srt, html or text");
        return 2;
      }
      Transcript transcript;
      try {
        transcript = TranscriptFormats.parseFile(file, declared);
      } catch (TranscriptParseException e) {
        System.err.println(e.getMessage());
        return 1;
      }
      if (json) {
        System.out.println(TranscriptJson.writePretty(transcript));
      } else {
        for (Segment s : transcript.segments()) {
          System.out.printf("[%s] %s%s%n", ClockTime.format(s.start()), s.speaker().map(n -> n + ": ").orElse(""),
              s.text());
        }
      }
      return 0;
    }
  }
}
