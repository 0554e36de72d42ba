package io.podinsights.transcript.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.podinsights.podcast.TranscriptLink;
import io.podinsights.transcript.TranscriptFormat;
import io.podinsights.transcript.TranscriptSource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PublishedTranscriptsTest {
  private static final TranscriptLink HTML = new TranscriptLink("https://ex.com/12.html", "text/html", "en", "");
  private static final TranscriptLink SRT = new TranscriptLink("https://ex.com/12.srt", "application/x-subrip", "en", "captions");
  private static final TranscriptLink JSON = new TranscriptLink("https://ex.com/12.json", "application/json", "en", "");
  private static final TranscriptLink VTT = new TranscriptLink("https://ex.com/12.vtt", "text/vtt", "en", "");
  private static final TranscriptLink TEXT = new TranscriptLink("https://ex.com/12.txt", "text/plain", "en", "");

  /** Answers from a map and remembers the order links were asked for. */
  private static final class ScriptedFetcher implements TranscriptFetcher {
    final Map<String, FetchedBody> answers = new HashMap<>();
    final List<String> asked = new ArrayList<>();

    ScriptedFetcher answer(TranscriptLink link, FetchedBody body) {
      answers.put(link.url(), body);
      return this;
    }

    @Override
    public FetchedBody fetch(TranscriptLink link) throws IOException {
      asked.add(link.url());
      FetchedBody body = answers.get(link.url());
      if (body == null) throw new IOException("connect timed out");
      return body;
    }
  }

  private static FetchedBody ok(String fixture, String contentType) {
    return new FetchedBody.Fetched(Fixtures.bytes(fixture), Optional.of(contentType));
  }

  @Test
  void picks_json_transcript_over_srt_and_html() {
    assertThat(PublishedTranscripts.inPreferenceOrder(List.of(TEXT, HTML, SRT, VTT, JSON)))
        .containsExactly(JSON, VTT, SRT, HTML, TEXT);
  }

  @Test
  void ranks_a_link_by_the_better_of_its_type_and_extension_and_unknown_links_last() {
    TranscriptLink vttAsText = new TranscriptLink("https://ex.com/13.vtt", "text/plain", "", "");
    TranscriptLink unknown = new TranscriptLink("https://ex.com/t/13", "application/octet-stream", "", "");
    assertThat(PublishedTranscripts.inPreferenceOrder(List.of(unknown, HTML, vttAsText)))
        .containsExactly(vttAsText, HTML, unknown);
  }

  @Test
  void prefers_links_in_the_feed_language_then_the_better_format() {
    TranscriptLink spanishJson = new TranscriptLink("https://ex.com/12.es.json", "application/json", "es", "");
    TranscriptLink englishVtt = new TranscriptLink("https://ex.com/12.vtt", "text/vtt", "en-US", "");
    TranscriptLink unlabelledSrt = new TranscriptLink("https://ex.com/12.srt", "application/x-subrip", "", "");

    assertThat(PublishedTranscripts.inPreferenceOrder(List.of(spanishJson, unlabelledSrt, englishVtt), Optional.of("en")))
        .containsExactly(englishVtt, unlabelledSrt, spanishJson);
    assertThat(PublishedTranscripts.inPreferenceOrder(List.of(spanishJson, unlabelledSrt, englishVtt)))
        .containsExactly(spanishJson, englishVtt, unlabelledSrt);
  }

  @Test
  void reads_the_best_link_and_fetches_nothing_else() {
    ScriptedFetcher fetcher = new ScriptedFetcher().answer(JSON, ok("phrases.json", "application/json"))
        .answer(SRT, ok("speakers.srt", "application/x-subrip"));

    PublishedTranscript result = new PublishedTranscripts(fetcher).read(List.of(SRT, JSON));

    assertThat(result).isInstanceOfSatisfying(PublishedTranscript.Found.class, found -> {
      assertThat(found.transcript().source()).isEqualTo(new TranscriptSource.Published(JSON.url(), TranscriptFormat.JSON));
      assertThat(found.skipped()).isEmpty();
    });
    assertThat(fetcher.asked).containsExactly(JSON.url());
  }

  @Test
  void moves_to_the_next_link_after_a_404() {
    ScriptedFetcher fetcher = new ScriptedFetcher().answer(JSON, new FetchedBody.Failed("answered 404 Not Found"))
        .answer(SRT, ok("speakers.srt", "application/x-subrip"));

    PublishedTranscript result = new PublishedTranscripts(fetcher).read(List.of(SRT, JSON));

    assertThat(result).isInstanceOfSatisfying(PublishedTranscript.Found.class, found -> {
      assertThat(found.transcript().source()).isEqualTo(new TranscriptSource.Published(SRT.url(), TranscriptFormat.SRT));
      assertThat(found.transcript().segments()).hasSize(4);
      assertThat(found.skipped()).containsExactly(new PublishedTranscript.Attempt(JSON, "answered 404 Not Found"));
    });
    assertThat(fetcher.asked).containsExactly(JSON.url(), SRT.url());
  }

  @Test
  void moves_on_from_unreachable_empty_and_unparsable_links() {
    ScriptedFetcher fetcher = new ScriptedFetcher()
        .answer(VTT, new FetchedBody.Fetched(new byte[0], Optional.of("text/vtt")))
        .answer(SRT, new FetchedBody.Fetched("1\nnot a cue\n".getBytes(), Optional.empty()))
        .answer(HTML, ok("turns.html", "text/html; charset=utf-8"));

    PublishedTranscript result = new PublishedTranscripts(fetcher).read(List.of(HTML, SRT, VTT, JSON));

    assertThat(result).isInstanceOfSatisfying(PublishedTranscript.Found.class, found -> {
      assertThat(found.transcript().segments()).hasSize(3);
      assertThat(found.skipped()).extracting(PublishedTranscript.Attempt::link).containsExactly(JSON, VTT, SRT);
      assertThat(found.skipped().get(0).reason()).isEqualTo("unreachable: connect timed out");
      assertThat(found.skipped().get(1).reason()).contains("is empty");
      assertThat(found.skipped().get(2).reason()).contains("no cue with a valid time line");
    });
  }

  @Test
  void a_web_page_answered_for_a_json_link_is_not_taken_for_a_transcript() {
    byte[] softNotFound = "<html><body><h1>Page not found</h1></body></html>".getBytes();
    ScriptedFetcher fetcher = new ScriptedFetcher()
        .answer(JSON, new FetchedBody.Fetched(softNotFound, Optional.of("text/html")))
        .answer(VTT, ok("voices.vtt", "text/vtt"));

    PublishedTranscript result = new PublishedTranscripts(fetcher).read(List.of(VTT, JSON));

    assertThat(result).isInstanceOfSatisfying(PublishedTranscript.Found.class, found -> {
      assertThat(found.transcript().source()).isEqualTo(new TranscriptSource.Published(VTT.url(), TranscriptFormat.VTT));
      assertThat(found.skipped()).singleElement().satisfies(a -> assertThat(a.reason()).contains("as JSON: not JSON"));
    });
  }

  @Test
  void reports_every_link_tried_when_none_can_be_read() {
    ScriptedFetcher fetcher = new ScriptedFetcher().answer(JSON, new FetchedBody.Failed("answered 410 Gone"))
        .answer(HTML, new FetchedBody.Fetched("<html><body></body></html>".getBytes(), Optional.of("text/html")));

    PublishedTranscript result = new PublishedTranscripts(fetcher).read(List.of(HTML, JSON));

    assertThat(result).isInstanceOfSatisfying(PublishedTranscript.Missing.class, missing -> {
      assertThat(missing.tried()).extracting(PublishedTranscript.Attempt::link).containsExactly(JSON, HTML);
      assertThat(missing.reason())
          .startsWith("transcript: none of the 2 publisher transcript links could be read: "
              + "https://ex.com/12.json (application/json): answered 410 Gone; https://ex.com/12.html (text/html): ")
          .contains("has no text")
          .endsWith("; transcribe the audio instead");
    });
  }

  @Test
  void an_episode_without_links_is_missing_with_a_reason() {
    PublishedTranscript result = new PublishedTranscripts(link -> {
      throw new AssertionError("nothing to fetch");
    }).read(List.of());

    assertThat(result).isInstanceOfSatisfying(PublishedTranscript.Missing.class,
        m -> assertThat(m.reason()).isEqualTo("transcript: the feed links no transcript for this episode; transcribe the audio instead"));
  }
}
