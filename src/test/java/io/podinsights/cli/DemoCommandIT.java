package io.podinsights.cli;

import static io.podinsights.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's main job: {@code podinsights demo} runs the whole pipeline offline and ends with today's top 5. */
class DemoCommandIT {
  @TempDir Path dir;

  @Test
  void the_demo_runs_end_to_end_and_leaves_the_html_digest_in_the_data_directory() throws Exception {
    String out = run("demo", "--data-dir", dir.toString());

    assertThat(out).contains("The Long Game: 4 episodes queued");
    assertThat(out).contains("after 1 unusable link");
    assertThat(out).contains("Processed 8 steps: 8 done, 0 to retry later, 0 gave up.");
    assertThat(out).contains("5 insights from 1 show");
    assertThat(out).containsPattern("(?m)^5\\. ");
    Path html = Files.list(dir.resolve("demo/digests")).filter(p -> p.toString().endsWith(".html")).findFirst()
        .orElseThrow();
    assertThat(Files.readString(html)).contains("The Long Game").contains("#t=");

    String again = run("demo", "--data-dir", dir.toString());
    assertThat(again).as("the demo starts fresh every time").contains("5 insights from 1 show");
  }
}
