package io.podinsights.transcript.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without a ggml model file (none can be downloaded here) only the checks before model loading can be tested. */
class WhisperEngineTest {
  @TempDir Path tmp;

  @Test
  void a_missing_model_file_says_where_to_get_one() {
    assertThatThrownBy(() -> WhisperEngine.load(tmp.resolve("ggml-base.en.bin")))
        .isInstanceOfSatisfying(SpeechException.class, e -> assertThat(e.kind()).isEqualTo(SpeechException.Kind.MODEL))
        .hasMessageStartingWith("speech: the whisper model file")
        .hasMessageContaining("does not exist")
        .hasMessageContaining("whisper.model-file");
  }

  @Test
  void a_tiny_file_is_not_taken_for_a_model() throws IOException {
    Path file = Files.writeString(tmp.resolve("ggml-base.en.bin"), "<html>404</html>");
    assertThatThrownBy(() -> WhisperEngine.load(file)).hasMessageContaining("is too small to be a model");
  }

  @Test
  void choosing_whisper_without_a_model_file_is_a_config_error() {
    SpeechConfig config = SpeechConfig.defaults().withEngine(SpeechConfig.Engine.WHISPER);
    assertThatThrownBy(() -> Transcribers.engine(config, tmp))
        .hasMessageStartingWith("speech: speech.engine=whisper needs whisper.model-file");
  }

  @Test
  void engine_names_parse_in_any_case() {
    assertThat(SpeechConfig.Engine.parse("Whisper")).isEqualTo(SpeechConfig.Engine.WHISPER);
    assertThatThrownBy(() -> SpeechConfig.Engine.parse("kaldi")).hasMessageContaining("use vosk, whisper or api");
  }

  @Test
  void a_file_that_is_not_a_ggml_model_is_refused_by_whisper_cpp() throws IOException {
    byte[] junk = new byte[64 * 1024];
    new java.util.Random(3).nextBytes(junk);
    Path file = Files.write(tmp.resolve("ggml-fake.bin"), junk);
    assertThatThrownBy(() -> WhisperEngine.load(file))
        .isInstanceOf(SpeechException.class)
        .hasMessageStartingWith("speech: whisper could not load");
  }
}
