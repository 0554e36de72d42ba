package io.podinsights.transcript.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.podinsights.transcript.Segment;
import io.podinsights.transcript.Transcript;
import io.podinsights.transcript.TranscriptFormat;
import io.podinsights.transcript.TranscriptSource;
import io.podinsights.transcript.format.TranscriptParseException.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Third-party transcripts and subtitle torture cases from ../shared/data/transcripts (see its MANIFEST.md): every file
 * either reads into the segments stated here or fails with the stated problem. Skipped when ../shared is absent.
 */
class SharedTranscriptDataTest {
  private static final Path ROOT = Path.of("..", "shared", "data", "transcripts");

  @BeforeAll
  static void needsSharedData() {
    Assumptions.assumeTrue(Files.isDirectory(ROOT), "skipped: " + ROOT.toAbsolutePath() + " is absent");
  }

  private static Transcript read(String file) throws IOException, TranscriptParseException {
    Path path = ROOT.resolve(file);
    return TranscriptFormats.parse(Files.readAllBytes(path), Optional.empty(), file,
        (Function<TranscriptFormat, TranscriptSource>) f -> new TranscriptSource.Local(file, f));
  }

  private static TranscriptFormat formatOf(Transcript t) {
    return ((TranscriptSource.Local) t.source()).format();
  }

  /** File, format read, segment count, first start (s), first speaker ("-" for none), first text. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      anytime/test_transcript.json                                  | JSON | 3    | 0       | -               | Subtitle 1, Line 1
      anytime/test_transcript.srt                                   | SRT  | 3    | 0       | -               | Subtitle 1, Line 1 Subtitle 1, Line 2
      anytime/test_transcript.vtt                                   | VTT  | 6    | 0       | -               | Text line 1
      anytime/test_transcript_speaker_no_end.json                   | JSON | 3    | 0       | Speaker 1       | Subtitle 1, Line 1
      podcastindex/buzzsprout-10-things-wish-knew.html              | HTML | 10   | 0       | Travis          | `When you first get started in podcasting, it's almost guaranteed`
      podcastindex/buzzsprout-10-things-wish-knew.srt               | SRT  | 222  | 0.179   | Travis          | `When you first get started in podcasting, it's`
      podcastindex/example.json                                     | JSON | 2    | 0.5     | Darth Vader     | I am your father.
      podcastindex/example.vtt                                      | VTT  | 7    | 0       | Sarah           | `In today's episode, you'll learn whether or not you`
      subtitle-edge-cases/astisub/example-in-carriage-return.srt    | SRT  | 3    | 0       | -               | Did one of the last stories strike you as more interesting than the other?
      subtitle-edge-cases/astisub/example-in-carriage-return.vtt    | VTT  | 3    | 0       | -               | Did one of the last stories strike you as more interesting than the other?
      subtitle-edge-cases/astisub/example-in-html-entities.srt      | SRT  | 3    | 0.331   | -               | `The man in black fled across the desert, & the gunslinger followed.`
      subtitle-edge-cases/astisub/example-in-html-entities.vtt      | VTT  | 3    | 0.331   | -               | `The man in black fled across the desert, & the gunslinger followed.`
      subtitle-edge-cases/astisub/example-in-non-utf8.srt           | SRT  | 6    | 99      | -               | (deep rumbling)
      subtitle-edge-cases/astisub/example-in-non-utf8.vtt           | VTT  | 6    | 99      | -               | (deep rumbling)
      subtitle-edge-cases/astisub/example-in-styled.srt             | SRT  | 10   | 17.985  | -               | [instrumental music]
      subtitle-edge-cases/astisub/example-in.srt                    | SRT  | 6    | 99      | -               | (deep rumbling)
      subtitle-edge-cases/astisub/example-in.ttml                   | HTML | 6    | 99      | -               | (deep rumbling)
      subtitle-edge-cases/astisub/example-in.vtt                    | VTT  | 6    | 99      | -               | (deep rumbling)
      subtitle-edge-cases/astisub/missing-sequence-in.srt           | SRT  | 6    | 99      | -               | (deep rumbling)
      subtitle-edge-cases/webvtt-py/captions_with_bom.vtt           | VTT  | 4    | 0.5     | -               | Caption text #1
      subtitle-edge-cases/webvtt-py/comments.vtt                    | VTT  | 3    | 135     | -               | - Ta en kopp varmt te. - Det är inte varmt.
      subtitle-edge-cases/webvtt-py/cue_tags.vtt                    | VTT  | 3    | 16.5    | -               | When the moon hits your eye
      subtitle-edge-cases/webvtt-py/invalid.vtt                     | SRT  | 7    | 0.5     | -               | Caption text #1
      subtitle-edge-cases/webvtt-py/invalid_timeframe.sbv           | SRT  | 4    | 0.378   | -               | Caption text #1
      subtitle-edge-cases/webvtt-py/invalid_timeframe.srt           | SRT  | 5    | 0.5     | -               | Caption text #1
      subtitle-edge-cases/webvtt-py/invalid_timeframe.vtt           | VTT  | 6    | 0.5     | -               | Caption text #1 Caption text #2
      subtitle-edge-cases/webvtt-py/invalid_timeframe_in_cue_text.vtt | VTT | 3   | 0.5     | -               | Caption text #1
      subtitle-edge-cases/webvtt-py/metadata_headers.vtt            | VTT  | 2    | 0.5     | -               | Caption text #1
      subtitle-edge-cases/webvtt-py/metadata_headers_multiline.vtt  | VTT  | 2    | 0.5     | -               | Caption text #1
      subtitle-edge-cases/webvtt-py/missing_caption_text.sbv        | SRT  | 4    | 0.378   | -               | Caption text #1
      subtitle-edge-cases/webvtt-py/missing_caption_text.srt        | SRT  | 4    | 0.5     | -               | Caption text #1
      subtitle-edge-cases/webvtt-py/missing_caption_text.vtt        | VTT  | 4    | 0.5     | -               | Caption text #1
      subtitle-edge-cases/webvtt-py/missing_timeframe.sbv           | SRT  | 4    | 0.378   | -               | Caption text #1 Caption text #2
      subtitle-edge-cases/webvtt-py/missing_timeframe.srt           | SRT  | 4    | 0.5     | -               | Caption text #1 Caption text #2
      subtitle-edge-cases/webvtt-py/missing_timeframe.vtt           | VTT  | 6    | 0.5     | -               | Caption text #1 Caption text #2
      subtitle-edge-cases/webvtt-py/one_caption.srt                 | SRT  | 1    | 0.5     | -               | Caption text #1
      subtitle-edge-cases/webvtt-py/one_caption.vtt                 | VTT  | 1    | 0.5     | -               | Caption text #1
      subtitle-edge-cases/webvtt-py/sample.sbv                      | SRT  | 5    | 0.378   | -               | Caption text #1
      subtitle-edge-cases/webvtt-py/sample.srt                      | SRT  | 5    | 0.5     | -               | Caption text #1
      subtitle-edge-cases/webvtt-py/sample.vtt                      | VTT  | 16   | 0.5     | -               | Caption text #1
      subtitle-edge-cases/webvtt-py/styles.vtt                      | VTT  | 1    | 0       | -               | - Hello world.
      subtitle-edge-cases/webvtt-py/two_captions.sbv                | SRT  | 2    | 0.378   | -               | Caption text #1
      subtitle-edge-cases/webvtt-py/using_identifiers.vtt           | VTT  | 6    | 0.5     | -               | Caption text #1
      subtitle-edge-cases/webvtt-py/youtube_dl.vtt                  | VTT  | 3    | 286.07  | -               | yeah
      subtitle-edge-cases/whisper-timestamped/punctuations.mp3.srt  | SRT  | 1    | 0.38    | -               | Dis-moi, est-ce que l'avion vole ?
      subtitle-edge-cases/whisper-timestamped/punctuations.mp3.words.vtt | VTT | 1 | 0.38    | -               | Dis-moi, est-ce que l'avion vole ?
      talkpython/202-software-biz.vtt                               | VTT  | 2937 | 0.001   | -               | One core question around open source is how do you fund it?
      talkpython/231-freelancing.vtt                                | VTT  | 907  | 0.001   | -               | `Have you ever wanted to get into consulting? Maybe you're seeking the freedom to work on`
      talkpython/551-stroll-down-startup-lane-2026.vtt              | VTT  | 1685 | 0.02    | -               | `If you've ever been to PyCon, you know one of the best parts of the expo hall is`
      talkpython/555-marimo-pair.vtt                                | VTT  | 1235 | 0.02    | Michael Kennedy | Coding agents have gotten really good at one kind of work.
      talkpython/556-djangos-async-youtube-autocaption.vtt          | VTT  | 1251 | 0.56    | Michael Kennedy | Carlton welcome back to talk Python me
      """)
  void reads_each_well_formed_or_recoverable_file(String file, TranscriptFormat format, int count, double firstStart,
      String firstSpeaker, String firstText) throws Exception {
    Transcript t = read(file);

    assertThat(formatOf(t)).isEqualTo(format);
    assertThat(t.segments()).hasSize(count);
    Segment first = t.segments().getFirst();
    assertThat(first.start()).isEqualTo(Duration.ofNanos(Math.round(firstStart * 1e9)));
    assertThat(first.speaker()).isEqualTo(firstSpeaker.equals("-") ? Optional.empty() : Optional.of(firstSpeaker));
    assertThat(first.text()).startsWith(firstText);
    assertSane(t);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      subtitle-edge-cases/astisub/broken-1-in.vtt          | WRONG_FORMAT
      subtitle-edge-cases/webvtt-py/empty.vtt              | EMPTY
      subtitle-edge-cases/webvtt-py/no_captions.vtt        | MALFORMED
      subtitle-edge-cases/webvtt-py/invalid_format.sbv     | MALFORMED
      subtitle-edge-cases/webvtt-py/invalid_format1.srt    | MALFORMED
      subtitle-edge-cases/webvtt-py/invalid_format2.srt    | MALFORMED
      subtitle-edge-cases/webvtt-py/invalid_format3.srt    | MALFORMED
      subtitle-edge-cases/webvtt-py/invalid_format4.srt    | NO_TEXT
      """)
  void fails_each_broken_file_with_its_problem(String file, Problem problem) {
    assertThatThrownBy(() -> read(file)).isInstanceOfSatisfying(TranscriptParseException.class, e -> {
      assertThat(e.problem()).isEqualTo(problem);
      assertThat(e.getMessage()).startsWith("transcript: ").contains(file);
    });
  }

  @Test
  void every_shared_transcript_file_has_an_expectation_here() throws IOException {
    Set<String> covered = Stream.concat(
            Arrays.stream(SharedTranscriptDataTest.class.getDeclaredMethods())
                .map(m -> m.getAnnotation(CsvSource.class))
                .filter(a -> a != null)
                .flatMap(a -> a.textBlock().lines()),
            Stream.of("talkpython/202-software-biz.txt", "talkpython/231-freelancing.txt"))
        .map(line -> line.split("\\|")[0].strip())
        .filter(s -> !s.isEmpty())
        .collect(Collectors.toSet());
    try (Stream<Path> files = Files.walk(ROOT)) {
      List<String> all = files.filter(Files::isRegularFile)
          .map(p -> ROOT.relativize(p).toString().replace('\\', '/'))
          .filter(name -> !name.endsWith(".md"))
          .toList();
      assertThat(all).hasSizeGreaterThanOrEqualTo(60);
      assertThat(covered).containsAll(all);
    }
  }

  @Test
  void voices_and_labels_carry_the_speaker_through_a_real_episode() throws Exception {
    Transcript srt = read("podcastindex/buzzsprout-10-things-wish-knew.srt");
    Map<String, Long> bySpeaker = srt.segments().stream()
        .collect(Collectors.groupingBy(s -> s.speaker().orElse("-"), Collectors.counting()));
    assertThat(bySpeaker.keySet()).containsExactlyInAnyOrder("Travis", "Sarah", "Gilon");
    assertThat(srt.length()).isBetween(Duration.ofMinutes(12), Duration.ofMinutes(13));

    Transcript vtt = read("talkpython/555-marimo-pair.vtt");
    assertThat(vtt.segments()).allSatisfy(s -> assertThat(s.speaker()).isPresent());
    assertThat(vtt.segments().stream().map(s -> s.speaker().get()).distinct().count()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void srt_and_html_of_the_same_episode_say_the_same_words() throws Exception {
    List<String> srt = words(read("podcastindex/buzzsprout-10-things-wish-knew.srt").text());
    List<String> html = words(read("podcastindex/buzzsprout-10-things-wish-knew.html").text());

    Set<String> srtVocabulary = Set.copyOf(srt);
    long shared = html.stream().filter(srtVocabulary::contains).count();
    assertThat((double) shared / html.size()).isGreaterThan(0.95);
    assertThat((double) html.size() / srt.size()).isBetween(0.9, 1.1);
  }

  @Test
  void rolling_youtube_captions_say_each_line_once() throws Exception {
    Transcript t = read("subtitle-edge-cases/webvtt-py/youtube_dl.vtt");

    assertThat(t.segments()).extracting(Segment::text).containsExactly("yeah", "what", "this will happen is I'm telling");
  }

  @Test
  void word_level_vtt_joins_into_the_sentence_its_srt_twin_has() throws Exception {
    Transcript words = read("subtitle-edge-cases/whisper-timestamped/punctuations.mp3.words.vtt");
    Transcript sentence = read("subtitle-edge-cases/whisper-timestamped/punctuations.mp3.srt");

    assertThat(words.segments()).isEqualTo(sentence.segments());
  }

  @Test
  void plain_text_variants_are_read_as_text() throws Exception {
    Transcript t = read("talkpython/202-software-biz.txt");
    assertThat(formatOf(t)).isEqualTo(TranscriptFormat.TEXT);
    assertThat(t.text()).contains("One core question around open source is how do you fund it?");
  }

  private static List<String> words(String text) {
    return Arrays.stream(text.toLowerCase(Locale.ROOT).replace('’', '\'').split("[^\\p{L}']+"))
        .filter(w -> !w.isEmpty())
        .toList();
  }

  private static void assertSane(Transcript t) {
    Duration previous = Duration.ZERO;
    for (Segment s : t.segments()) {
      assertThat(s.start()).isGreaterThanOrEqualTo(previous);
      assertThat(s.end()).isGreaterThanOrEqualTo(s.start());
      assertThat(s.text()).isNotBlank().doesNotContain("<v ", "</", "&amp;", "-->");
      previous = s.start();
    }
  }
}
