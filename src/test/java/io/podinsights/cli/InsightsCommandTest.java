package io.podinsights.cli;

import static io.podinsights.cli.Cli.run;
import static io.podinsights.cli.Cli.runExpecting;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code podinsights insights FILE --json}: a stable shape scripts can rely on, from any transcript format. */
class InsightsCommandTest {
  @TempDir Path dir;
  private static final String VTT = "src/main/resources/demo/transcripts/ep2.vtt";

  @Test
  void prints_the_top_insights_as_stable_json_with_explanations_on_request() throws Exception {
    JsonNode root = new ObjectMapper().readTree(run("insights", VTT, "--top", "3", "--json", "--explain"));
    JsonNode insights = root.path("insights");
    assertThat(insights.size()).isEqualTo(3);
    for (JsonNode i : insights) {
      assertThat(i.fieldNames()).toIterable()
          .contains("text", "quote", "speaker", "start", "end", "score", "explain");
      assertThat(i.path("end").asDouble()).isGreaterThan(i.path("start").asDouble());
      assertThat(i.path("speaker").asText()).isEqualTo("Tom Becker");
      assertThat(i.path("text").asText().split("\\s+").length).isBetween(25, 90);
    }
    assertThat(insights.get(0).path("score").asDouble()).isGreaterThanOrEqualTo(insights.get(2).path("score").asDouble());
  }

  @Test
  void an_empty_file_is_refused_with_the_reason() throws Exception {
    Path empty = dir.resolve("empty.vtt");
    Files.writeString(empty, "");
    assertThat(runExpecting(1, "insights", empty.toString())).startsWith("transcript:");
  }
}
