package io.podinsights.transcript.speech;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SilenceSplitterTest {
  private static final int RATE = AudioDecoder.SAMPLE_RATE;

  /** Loud noise bursts ("words") separated by pauses; remembers where each pause lies. */
  private record Speechlike(short[] pcm, List<long[]> pauses) {}

  private static Speechlike speechlike(double seconds, long seed) {
    Random r = new Random(seed);
    List<short[]> parts = new ArrayList<>();
    List<long[]> pauses = new ArrayList<>();
    long at = 0;
    while (at < seconds * RATE) {
      short[] burst = SpeechFixtures.noise(0.4 + r.nextDouble() * 2.5, 4000, r.nextLong());
      // quiet breathing-level noise in the pauses, like a real recording
      short[] pause = SpeechFixtures.noise(0.12 + r.nextDouble() * 1.2, 40, r.nextLong());
      parts.add(burst);
      at += burst.length;
      pauses.add(new long[] {at, at + pause.length});
      parts.add(pause);
      at += pause.length;
    }
    return new Speechlike(SpeechFixtures.join(parts.toArray(short[][]::new)), pauses);
  }

  private static List<AudioChunk> split(short[] pcm, Duration target, int block) {
    List<AudioChunk> chunks = new ArrayList<>();
    SilenceSplitter s = new SilenceSplitter(target, chunks::add);
    for (int off = 0; off < pcm.length; off += block) {
      int n = Math.min(block, pcm.length - off);
      short[] buf = new short[block];
      System.arraycopy(pcm, off, buf, 0, n);
      s.accept(buf, n);
    }
    s.finish();
    return chunks;
  }

  @Test
  void cuts_only_inside_pauses_of_at_least_300_ms() {
    Speechlike audio = speechlike(240, 1);
    List<AudioChunk> chunks = split(audio.pcm(), Duration.ofSeconds(10), 1152);
    assertThat(chunks).hasSizeGreaterThan(10);
    for (AudioChunk c : chunks.subList(1, chunks.size())) {
      long cut = c.startSample();
      assertThat(audio.pauses())
          .as("cut at %.2f s lies 150 ms or more inside a pause", cut / (double) RATE)
          .anyMatch(p -> cut >= p[0] + RATE * 15 / 100 && cut <= p[1] - RATE * 15 / 100);
    }
  }

  @Test
  void chunks_add_up_to_the_input_sample_for_sample() {
    Speechlike audio = speechlike(120, 2);
    List<AudioChunk> chunks = split(audio.pcm(), Duration.ofSeconds(8), 4096);
    short[] joined = SpeechFixtures.join(chunks.stream().map(AudioChunk::samples).toArray(short[][]::new));
    assertThat(joined).isEqualTo(audio.pcm());
    long expectedStart = 0;
    for (int i = 0; i < chunks.size(); i++) {
      assertThat(chunks.get(i).index()).isEqualTo(i);
      assertThat(chunks.get(i).startSample()).isEqualTo(expectedStart);
      expectedStart += chunks.get(i).samples().length;
    }
  }

  @Test
  void chunks_are_at_least_the_target_and_at_most_twice_it() {
    Speechlike audio = speechlike(300, 3);
    List<AudioChunk> chunks = split(audio.pcm(), Duration.ofSeconds(20), 777);
    for (AudioChunk c : chunks.subList(0, chunks.size() - 1))
      assertThat(c.length()).isBetween(Duration.ofSeconds(20).minusMillis(600), Duration.ofSeconds(40));
  }

  @Test
  void the_same_stream_gives_the_same_chunks_whatever_the_block_size() {
    Speechlike audio = speechlike(150, 4);
    List<Long> a = split(audio.pcm(), Duration.ofSeconds(10), 160).stream().map(AudioChunk::startSample).toList();
    List<Long> b = split(audio.pcm(), Duration.ofSeconds(10), 9999).stream().map(AudioChunk::startSample).toList();
    assertThat(a).isEqualTo(b);
  }

  @Test
  void without_any_pause_it_cuts_at_the_quietest_point_before_twice_the_target() {
    short[] loud = SpeechFixtures.noise(13, 5000, 5);
    short[] dip = SpeechFixtures.noise(0.1, 600, 6);
    short[] pcm = SpeechFixtures.join(loud, dip, SpeechFixtures.noise(20, 5000, 7));
    List<AudioChunk> chunks = split(pcm, Duration.ofSeconds(10), 2048);
    assertThat(chunks.getFirst().samples().length).isBetween(13 * RATE, 13 * RATE + RATE / 10);
    assertThat(chunks.getFirst().silent()).isFalse();
  }

  @Test
  void long_silence_becomes_silent_chunks() {
    List<AudioChunk> chunks = split(SpeechFixtures.silence(600), Duration.ofSeconds(45), 4096);
    assertThat(chunks).hasSizeBetween(12, 14).allMatch(AudioChunk::silent);
  }
}
