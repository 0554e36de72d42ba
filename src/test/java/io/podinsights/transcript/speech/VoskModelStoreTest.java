package io.podinsights.transcript.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VoskModelStoreTest {
  @TempDir Path data;

  private Path extracted() {
    org.junit.jupiter.api.Assumptions.assumeTrue(VoskModelStore.findBundledArchive().isPresent(), "model aar not found");
    return new VoskModelStore(data).ensure(Optional.empty());
  }

  @Test
  void extracts_the_bundled_model_into_the_data_dir_with_a_manifest() {
    Path dir = extracted();
    assertThat(dir).isEqualTo(data.resolve("models/vosk-model-en-us"));
    assertThat(dir.resolve("am/final.mdl")).isRegularFile();
    assertThat(dir.resolve(VoskModelStore.MANIFEST)).isRegularFile();
    assertThat(VoskModelStore.verify(dir)).isTrue();
  }

  @Test
  void a_damaged_file_is_noticed_and_the_model_extracted_again() throws IOException {
    Path dir = extracted();
    Path conf = dir.resolve("conf/model.conf");
    String original = Files.readString(conf);
    Files.writeString(conf, original.replace('-', '+'));
    assertThat(VoskModelStore.verify(dir)).isFalse();
    new VoskModelStore(data).ensure(Optional.empty());
    assertThat(Files.readString(conf)).isEqualTo(original);
  }

  @Test
  void a_half_extracted_model_without_manifest_is_extracted_again() throws IOException {
    Path dir = extracted();
    Files.delete(dir.resolve(VoskModelStore.MANIFEST));
    Files.write(dir.resolve("graph/HCLr.fst"), new byte[10], StandardOpenOption.TRUNCATE_EXISTING);
    new VoskModelStore(data).ensure(Optional.empty());
    assertThat(VoskModelStore.verify(dir)).isTrue();
    assertThat(Files.size(dir.resolve("graph/HCLr.fst"))).isGreaterThan(1_000_000);
  }

  @Test
  void a_missing_configured_model_dir_is_a_clear_error() {
    assertThatThrownBy(() -> new VoskModelStore(data).ensure(Optional.of(data.resolve("vosk-model-en-us-0.22"))))
        .isInstanceOfSatisfying(SpeechException.class, e -> assertThat(e.kind()).isEqualTo(SpeechException.Kind.MODEL))
        .hasMessageStartingWith("speech: the Vosk model directory")
        .hasMessageContaining("does not exist");
  }

  @Test
  void an_incomplete_configured_model_dir_is_a_clear_error() throws IOException {
    Path dir = Files.createDirectories(data.resolve("my-model/conf"));
    Files.writeString(dir.resolve("model.conf"), "--min-active=200\n");
    assertThatThrownBy(() -> new VoskModelStore(data).ensure(Optional.of(data.resolve("my-model"))))
        .hasMessageContaining("is not a complete Vosk model (no am/final.mdl)");
  }

  @Test
  void a_configured_model_dir_that_vosk_cannot_load_is_a_model_error() throws IOException {
    Path dir = data.resolve("broken");
    Files.createDirectories(dir.resolve("am"));
    Files.createDirectories(dir.resolve("conf"));
    Files.writeString(dir.resolve("am/final.mdl"), "not a model");
    Files.writeString(dir.resolve("conf/model.conf"), "");
    Path checked = new VoskModelStore(data).ensure(Optional.of(dir));
    assertThatThrownBy(() -> VoskEngine.load(checked, "broken"))
        .isInstanceOfSatisfying(SpeechException.class, e -> assertThat(e.kind()).isEqualTo(SpeechException.Kind.MODEL))
        .hasMessageStartingWith("speech: Vosk could not load the model in");
  }
}
