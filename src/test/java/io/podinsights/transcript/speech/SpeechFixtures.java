package io.podinsights.transcript.speech;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Test helpers: the shared audio clips (skipped when absent), one Vosk model per test JVM, and generated PCM/WAV. */
public final class SpeechFixtures {
  static final Path SHARED_AUDIO = Path.of("..", "shared", "data", "audio");
  static final Path DATA_DIR = Path.of("target", "speech-test-data");
  private static VoskEngine vosk;

  private SpeechFixtures() {}

  static Path shared(String name) {
    Path p = SHARED_AUDIO.resolve(name);
    assumeTrue(Files.isRegularFile(p), "shared audio " + p + " is absent; skipping");
    return p;
  }

  static String reference(String name) throws IOException {
    return Files.readString(shared(name), StandardCharsets.UTF_8);
  }

  /** The bundled model, extracted once into target/speech-test-data and loaded once per test JVM. */
  static synchronized VoskEngine vosk() {
    if (vosk == null) {
      Path dir = new VoskModelStore(DATA_DIR).ensure(java.util.Optional.empty());
      vosk = VoskEngine.load(dir, VoskModelStore.BUNDLED_NAME);
    }
    return vosk;
  }

  /** An engine that shares the test JVM's Vosk model but is never closed by the pipeline. */
  static SpeechEngine sharedVosk() {
    return unclosable(vosk());
  }

  /** {@code v}, with a close that does nothing, so one loaded model serves several pipelines. */
  public static SpeechEngine unclosable(SpeechEngine v) {
    return new SpeechEngine() {
      @Override
      public String name() {
        return v.name();
      }

      @Override
      public String model() {
        return v.model();
      }

      @Override
      public Worker newWorker() {
        return v.newWorker();
      }

      @Override
      public void close() {}
    };
  }

  static short[] decode(Path file) {
    short[][] out = {new short[0]};
    int[] len = {0};
    new AudioDecoder().decode(file, (s, n) -> {
      if (len[0] + n > out[0].length) out[0] = Arrays.copyOf(out[0], Math.max(len[0] + n, out[0].length * 2));
      System.arraycopy(s, 0, out[0], len[0], n);
      len[0] += n;
    });
    return Arrays.copyOf(out[0], len[0]);
  }

  /** The clips one after another with {@code silenceSeconds} of silence between them. */
  static short[] concat(List<Path> clips, double silenceSeconds) {
    int gap = (int) (silenceSeconds * AudioDecoder.SAMPLE_RATE);
    short[] all = new short[0];
    for (Path clip : clips) {
      short[] pcm = decode(clip);
      int at = all.length;
      all = Arrays.copyOf(all, at + pcm.length + gap);
      System.arraycopy(pcm, 0, all, at, pcm.length);
    }
    return all;
  }

  static Path writeWav(Path file, short[] interleaved, int rate, int channels) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(44 + interleaved.length * 2).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + interleaved.length * 2)
        .put("WAVE".getBytes(StandardCharsets.US_ASCII)).put("fmt ".getBytes(StandardCharsets.US_ASCII))
        .putInt(16).putShort((short) 1).putShort((short) channels).putInt(rate).putInt(rate * channels * 2)
        .putShort((short) (channels * 2)).putShort((short) 16)
        .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(interleaved.length * 2);
    for (short s : interleaved) b.putShort(s);
    Files.write(file, b.array());
    return file;
  }

  static short[] silence(double seconds) {
    return new short[(int) (seconds * AudioDecoder.SAMPLE_RATE)];
  }

  static short[] noise(double seconds, int amplitude, long seed) {
    Random r = new Random(seed);
    short[] s = new short[(int) (seconds * AudioDecoder.SAMPLE_RATE)];
    for (int i = 0; i < s.length; i++) s[i] = (short) (r.nextGaussian() * amplitude);
    return s;
  }

  static short[] tone(double seconds, double hz, int amplitude, int rate) {
    short[] s = new short[(int) (seconds * rate)];
    for (int i = 0; i < s.length; i++) s[i] = (short) (Math.sin(2 * Math.PI * hz * i / rate) * amplitude);
    return s;
  }

  static short[] join(short[]... parts) {
    int n = Arrays.stream(parts).mapToInt(p -> p.length).sum();
    short[] out = new short[n];
    int at = 0;
    for (short[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }
}
