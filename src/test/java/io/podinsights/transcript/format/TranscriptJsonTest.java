package io.podinsights.transcript.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.podinsights.transcript.Segment;
import io.podinsights.transcript.Transcript;
import io.podinsights.transcript.TranscriptFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class TranscriptJsonTest {
  @Test
  void writes_the_stable_segment_shape_with_seconds_and_null_speakers() {
    Transcript t = new Transcript(List.of(
        Segment.of(0.5, 2.25, "Ada", "Pricing \"matters\"."),
        Segment.of(2.25, 3.0004, null, "Yes.")), Fixtures.local("t.srt", TranscriptFormat.SRT));

    assertThat(TranscriptJson.write(t)).isEqualTo(
        "{\"segments\":[{\"start\":0.5,\"end\":2.25,\"speaker\":\"Ada\",\"text\":\"Pricing \\\"matters\\\".\"},"
            + "{\"start\":2.25,\"end\":3.0,\"speaker\":null,\"text\":\"Yes.\"}]}");
  }

  @Test
  void an_empty_transcript_has_an_empty_segment_list() {
    Transcript t = new Transcript(List.of(), Fixtures.local("t.srt", TranscriptFormat.SRT));
    assertThat(TranscriptJson.write(t)).isEqualTo("{\"segments\":[]}");
    assertThat(TranscriptJson.writePretty(t)).contains("\"segments\"");
  }
}
