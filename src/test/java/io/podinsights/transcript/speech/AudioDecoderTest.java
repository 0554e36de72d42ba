package io.podinsights.transcript.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AudioDecoderTest {
  @TempDir Path tmp;
  private final AudioDecoder decoder = new AudioDecoder();

  private static long count(AudioDecoder d, Path file) {
    long[] n = {0};
    d.decode(file, (s, c) -> n[0] += c);
    return n[0];
  }

  @Test
  void resamples_8khz_mp3_to_16khz() {
    Path apollo = SpeechFixtures.shared("apollo11-air-to-ground.mp3");
    DecodeReport r = decoder.decode(apollo, (s, n) -> {});
    assertThat(r.info().sampleRate()).isEqualTo(8000);
    assertThat(r.decoded().toMillis()).isBetween(88_500L, 90_000L);
    assertThat(r.warnings()).isEmpty();
  }

  @Test
  void downmixes_stereo_to_one_channel_of_the_same_length() {
    Path stereo = SpeechFixtures.shared("stereo-two-speakers.wav");
    DecodeReport r = decoder.decode(stereo, (s, n) -> {});
    assertThat(r.info().channels()).isEqualTo(2);
    assertThat(r.samples()).isBetween(79_000L, 81_000L);
  }

  @Test
  void decodes_44khz_stereo_wav_it_generated_itself() throws IOException {
    short[] mono = SpeechFixtures.tone(3, 440, 8000, 44_100);
    short[] stereo = new short[mono.length * 2];
    for (int i = 0; i < mono.length; i++) stereo[2 * i] = stereo[2 * i + 1] = mono[i];
    Path wav = SpeechFixtures.writeWav(tmp.resolve("tone.wav"), stereo, 44_100, 2);
    assertThat(count(decoder, wav)).isBetween(47_900L, 48_100L);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "mp3, mp3, 86017, 22050",
      "m4a, mp4, 86018, 44100",
      "opus, ogg, 86076, 48000",
      "ogg, ogg, 86021, 44100"})
  void decodes_every_podcast_codec(String ext, String format, int codecId, int rate) throws Exception {
    short[] pcm = SpeechFixtures.decode(SpeechFixtures.shared("jfk.wav"));
    Path file = tmp.resolve("jfk." + ext);
    int channels = ext.equals("ogg") ? 2 : 1;
    try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(file.toFile(), channels)) {
      rec.setFormat(format);
      rec.setAudioCodec(codecId);
      rec.setSampleRate(rate);
      rec.setAudioBitrate(64_000);
      rec.setAudioOption("strict", "experimental");
      rec.start();
      rec.recordSamples(16_000, 1, ShortBuffer.wrap(pcm));
      rec.stop();
    }
    DecodeReport r = decoder.decode(file, (s, n) -> {});
    assertThat(r.decoded().toMillis()).isBetween(10_500L, 11_600L);
  }

  @Test
  void an_html_page_is_not_audio() {
    Path html = Path.of("src/test/resources/speech/episode.mp3");
    assertThatThrownBy(() -> decoder.decode(html, (s, n) -> {}))
        .isInstanceOfSatisfying(SpeechException.class, e -> assertThat(e.kind()).isEqualTo(SpeechException.Kind.NOT_AUDIO))
        .hasMessage("speech: episode.mp3 is not audio (looks like an HTML page); the enclosure URL probably points at a web page");
  }

  @Test
  void a_zero_byte_file_is_empty() throws IOException {
    Path empty = Files.createFile(tmp.resolve("episode.mp3"));
    assertThatThrownBy(() -> decoder.decode(empty, (s, n) -> {}))
        .isInstanceOfSatisfying(SpeechException.class, e -> assertThat(e.kind()).isEqualTo(SpeechException.Kind.EMPTY))
        .hasMessageStartingWith("speech: episode.mp3 is empty (0 bytes)");
  }

  @Test
  void a_truncated_mp3_decodes_what_it_can_and_says_so() throws Exception {
    short[] pcm = SpeechFixtures.decode(SpeechFixtures.shared("jfk.wav"));
    Path full = tmp.resolve("full.mp3");
    try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(full.toFile(), 1)) {
      rec.setFormat("mp3");
      rec.setAudioCodec(avcodec.AV_CODEC_ID_MP3);
      rec.setSampleRate(22_050);
      rec.setAudioBitrate(64_000);
      rec.start();
      rec.recordSamples(16_000, 1, ShortBuffer.wrap(pcm));
      rec.stop();
    }
    byte[] bytes = Files.readAllBytes(full);
    Path cut = Files.write(tmp.resolve("cut.mp3"), Arrays.copyOf(bytes, bytes.length / 2 + 17));
    DecodeReport r = decoder.decode(cut, (s, n) -> {});
    assertThat(r.decoded().toMillis()).isBetween(4_000L, 7_000L);
    assertThat(r.truncated()).isTrue();
    assertThat(r.warnings().getFirst()).startsWith("truncated: decoded 0:0");
  }

  @Test
  void an_unknown_codec_is_reported_as_unsupported() throws IOException {
    byte[] wav = Files.readAllBytes(SpeechFixtures.writeWav(tmp.resolve("x.wav"), SpeechFixtures.tone(1, 300, 5000, 16_000), 16_000, 1));
    ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).putShort(20, (short) 0x7A7A);
    Path odd = Files.write(tmp.resolve("episode.wav"), wav);
    assertThatThrownBy(() -> decoder.decode(odd, (s, n) -> {}))
        .isInstanceOfSatisfying(SpeechException.class,
            e -> assertThat(e.kind()).as(e.getMessage()).isEqualTo(SpeechException.Kind.UNSUPPORTED_CODEC))
        .hasMessageStartingWith("speech: episode.wav uses an audio codec this ffmpeg build cannot decode");
  }

  @Test
  void random_bytes_are_unreadable_not_a_crash() throws IOException {
    byte[] junk = new byte[4096];
    new java.util.Random(7).nextBytes(junk);
    junk[0] = 0x13;
    Path file = Files.write(tmp.resolve("junk.mp3"), junk);
    assertThatThrownBy(() -> decoder.decode(file, (s, n) -> {}))
        .isInstanceOf(SpeechException.class)
        .hasMessageStartingWith("speech: junk.mp3");
  }

  @Test
  void text_that_looks_like_json_is_not_audio() throws IOException {
    Path json = Files.writeString(tmp.resolve("a.m4a"), "{\"error\":\"gone\"}", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> decoder.decode(json, (s, n) -> {})).hasMessageContaining("looks like JSON");
  }
}
