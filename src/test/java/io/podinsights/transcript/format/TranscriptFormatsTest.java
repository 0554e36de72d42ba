package io.podinsights.transcript.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.podinsights.transcript.Transcript;
import io.podinsights.transcript.TranscriptFormat;
import io.podinsights.transcript.TranscriptSource;
import io.podinsights.transcript.format.TranscriptParseException.Problem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TranscriptFormatsTest {
  private static Function<TranscriptFormat, TranscriptSource> published(String url) {
    return f -> new TranscriptSource.Published(url, f);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      application/json                    | JSON
      Application/JSON; charset=UTF-8     | JSON
      text/json                           | JSON
      application/x-subrip                | SRT
      text/srt                            | SRT
      application/srt                     | SRT
      text/vtt                            | VTT
      TEXT/VTT;charset=utf-8              | VTT
      text/html                           | HTML
      text/html; charset=ISO-8859-1       | HTML
      text/plain                          | TEXT
      text/markdown                       | TEXT
      """)
  void matches_mime_types_loosely(String mimeType, TranscriptFormat expected) {
    assertThat(TranscriptFormats.fromMimeType(mimeType)).contains(expected);
  }

  @Test
  void unknown_or_missing_mime_types_name_no_format() {
    assertThat(TranscriptFormats.fromMimeType("application/octet-stream")).isEmpty();
    assertThat(TranscriptFormats.fromMimeType("")).isEmpty();
    assertThat(TranscriptFormats.fromMimeType(null)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      https://cdn.example.com/ep12/transcript.json?token=abc | JSON
      https://cdn.example.com/ep12/transcript.VTT#t=1        | VTT
      episode.srt                                             | SRT
      /tmp/episode.sbv                                        | SRT
      https://example.com/t/ep12.htm                          | HTML
      notes.md                                                | TEXT
      """)
  void reads_the_format_from_a_name_or_url_extension(String name, TranscriptFormat expected) {
    assertThat(TranscriptFormats.fromName(name)).contains(expected);
  }

  @Test
  void a_url_without_an_extension_names_no_format() {
    assertThat(TranscriptFormats.fromName("https://example.com/transcripts/12")).isEmpty();
    assertThat(TranscriptFormats.fromName("https://example.com.au/t")).isEmpty();
  }

  @Test
  void reads_a_vtt_served_as_text_plain_as_vtt() throws Exception {
    Transcript t = TranscriptFormats.parse(Fixtures.bytes("wrong-type.vtt"), Optional.of(TranscriptFormat.TEXT),
        "https://example.com/ep12/transcript", published("https://example.com/ep12/transcript"));

    assertThat(t.source()).isEqualTo(new TranscriptSource.Published("https://example.com/ep12/transcript", TranscriptFormat.VTT));
    assertThat(t.text()).isEqualTo("Served with the wrong type.");
  }

  @Test
  void reads_json_served_as_html_as_json() throws Exception {
    Transcript t = TranscriptFormats.parse(Fixtures.bytes("phrases.json"), Optional.of(TranscriptFormat.HTML),
        "https://example.com/t.html", published("https://example.com/t.html"));

    assertThat(((TranscriptSource.Published) t.source()).format()).isEqualTo(TranscriptFormat.JSON);
    assertThat(t.segments()).hasSize(3);
  }

  @Test
  void reads_srt_declared_as_vtt_with_the_srt_parser() throws Exception {
    Transcript t = TranscriptFormats.parse(Fixtures.bytes("speakers.srt"), Optional.of(TranscriptFormat.VTT),
        "episode.vtt", published("episode.vtt"));

    assertThat(((TranscriptSource.Published) t.source()).format()).isEqualTo(TranscriptFormat.SRT);
    assertThat(t.segments()).hasSize(4);
  }

  @Test
  void reads_a_local_file_with_the_format_it_shows_and_records_the_path() throws Exception {
    Path file = Path.of("src/test/resources/transcript/format/turns.html");

    Transcript t = TranscriptFormats.parseFile(file, Optional.of(TranscriptFormat.SRT));

    assertThat(t.source()).isEqualTo(new TranscriptSource.Local(file.toString(), TranscriptFormat.HTML));
    assertThat(t.segments()).hasSize(3);
  }

  @Test
  void an_empty_body_fails_as_empty_with_a_readable_message() {
    assertThatThrownBy(() -> TranscriptFormats.parse(new byte[0], Optional.of(TranscriptFormat.VTT), "ep.vtt", published("ep.vtt")))
        .isInstanceOfSatisfying(TranscriptParseException.class, e -> {
          assertThat(e.problem()).isEqualTo(Problem.EMPTY);
          assertThat(e.getMessage()).isEqualTo("transcript: ep.vtt is empty (0 bytes); use another transcript or transcribe the audio");
        });
  }

  @Test
  void a_body_no_format_reads_lists_every_attempt() {
    byte[] body = "{\"version\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> TranscriptFormats.parse(body, Optional.of(TranscriptFormat.SRT), "ep.srt", published("ep.srt")))
        .isInstanceOfSatisfying(TranscriptParseException.class, e -> {
          assertThat(e.problem()).isEqualTo(Problem.WRONG_FORMAT);
          assertThat(e.getMessage()).startsWith("transcript: could not read ep.srt (as JSON: ").contains("; as SRT: ");
        });
  }

  @Test
  void unidentified_content_is_read_as_plain_text() throws Exception {
    Transcript t = TranscriptFormats.parse("Just words, no times.\n".getBytes(StandardCharsets.UTF_8), Optional.empty(),
        "https://example.com/t", published("https://example.com/t"));

    assertThat(((TranscriptSource.Published) t.source()).format()).isEqualTo(TranscriptFormat.TEXT);
    assertThat(t.text()).contains("Just words, no times.");
  }

  @Test
  void decodes_byte_order_marks_utf16_and_windows_1252() {
    byte[] utf16 = "\uFEFFWEBVTT\n".getBytes(StandardCharsets.UTF_16LE);
    assertThat(TranscriptFormats.decode(utf16)).isEqualTo("WEBVTT\n");
    byte[] utf16NoBom = "WEBVTT\n".getBytes(StandardCharsets.UTF_16BE);
    assertThat(TranscriptFormats.decode(utf16NoBom)).isEqualTo("WEBVTT\n");
    byte[] utf8Bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'h', 'i'};
    assertThat(TranscriptFormats.decode(utf8Bom)).isEqualTo("hi");
    byte[] cp1252 = {'c', 'a', 'f', (byte) 0xE9, ' ', (byte) 0x93, 'q', (byte) 0x94};
    assertThat(TranscriptFormats.decode(cp1252)).isEqualTo("café “q”");
  }

  @Test
  void sniffs_the_format_from_content() {
    assertThat(TranscriptFormats.sniff("\uFEFF  WEBVTT\n")).contains(TranscriptFormat.VTT);
    assertThat(TranscriptFormats.sniff(" {\"segments\":[]}")).contains(TranscriptFormat.JSON);
    assertThat(TranscriptFormats.sniff("<cite>Ada:</cite>")).contains(TranscriptFormat.HTML);
    assertThat(TranscriptFormats.sniff("1\n00:00:01,000 --> 00:00:02,000\nhi")).contains(TranscriptFormat.SRT);
    assertThat(TranscriptFormats.sniff("00:00:01 Ada: hello")).isEmpty();
  }
}
