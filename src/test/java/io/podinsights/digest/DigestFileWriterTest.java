package io.podinsights.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigestFileWriterTest {

  @TempDir Path dir;
  private final DigestFileWriter writer = new DigestFileWriter();
  private final DigestRenderer renderer = new DigestRenderer(RenderConfig.DEFAULTS);

  private static List<Path> listing(Path d) throws IOException {
    try (Stream<Path> s = Files.list(d)) {
      return s.sorted().toList();
    }
  }

  @Test
  void writes_html_and_text_named_for_the_date_into_a_new_directory() throws IOException {
    RenderedDigest rendered = renderer.render(DigestRendererTest.sample(), FooterLinks.NONE);
    Path target = dir.resolve("users/reader");

    DigestFileWriter.WrittenDigest written = writer.write(target, rendered);

    assertThat(written.html()).isEqualTo(target.resolve("digest-2026-11-23.html"));
    assertThat(written.text()).isEqualTo(target.resolve("digest-2026-11-23.txt"));
    assertThat(Files.readString(written.html(), StandardCharsets.UTF_8)).isEqualTo(rendered.html());
    assertThat(Files.readString(written.text(), StandardCharsets.UTF_8)).isEqualTo(rendered.text());
    assertThat(listing(target)).containsExactly(written.html(), written.text());
  }

  @Test
  void writing_the_same_day_again_replaces_both_files_and_leaves_no_temporary_files() throws IOException {
    writer.write(dir, renderer.render(DigestRendererTest.sample(), FooterLinks.NONE));
    RenderedDigest empty = renderer.render(new Digest("reader@example.com", LocalDate.of(2026, 11, 23), List.of()), FooterLinks.NONE);

    DigestFileWriter.WrittenDigest again = writer.write(dir, empty);

    assertThat(Files.readString(again.text())).contains("No new insights today");
    assertThat(Files.readString(again.html())).contains("No new insights today");
    assertThat(listing(dir)).hasSize(2);
  }

  @Test
  void a_path_that_is_a_file_fails_with_a_clear_message_and_leaves_nothing_behind() throws IOException {
    Path notADir = Files.writeString(dir.resolve("plain-file"), "x");
    RenderedDigest rendered = renderer.render(DigestRendererTest.sample(), FooterLinks.NONE);
    assertThatThrownBy(() -> writer.write(notADir, rendered)).isInstanceOf(IOException.class);
    Path blocked = dir.resolve("blocked");
    Files.createDirectories(blocked.resolve("digest-2026-11-23.html"));
    assertThatThrownBy(() -> writer.write(blocked, rendered))
        .hasMessageStartingWith("digest: could not write " + blocked.resolve("digest-2026-11-23.html"));
    assertThat(listing(blocked)).containsExactly(blocked.resolve("digest-2026-11-23.html"));
  }
}
