package io.podinsights.transcript.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChunkStoreTest {
  @TempDir Path tmp;

  private static ChunkResult result(int index, long start) {
    return new ChunkResult(index, start, 16_000, List.of(new Word(1.5, 1.9, "hello", 0.9)), List.of());
  }

  @Test
  void a_saved_chunk_comes_back_only_for_the_same_place() {
    ChunkStore store = ChunkStore.open(tmp.resolve("ep"), "fp-1");
    store.save(result(3, 48_000));
    assertThat(store.load(3, 48_000)).contains(result(3, 48_000));
    assertThat(store.load(3, 47_999)).isEmpty();
    assertThat(store.load(4, 48_000)).isEmpty();
    assertThat(store.storedChunks()).isEqualTo(1);
    try (var files = Files.list(tmp.resolve("ep"))) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void a_different_fingerprint_discards_old_chunks() {
    ChunkStore.open(tmp.resolve("ep"), "fp-1").save(result(0, 0));
    assertThat(ChunkStore.open(tmp.resolve("ep"), "fp-1").load(0, 0)).isPresent();
    assertThat(ChunkStore.open(tmp.resolve("ep"), "fp-2").load(0, 0)).isEmpty();
  }

  @Test
  void a_damaged_chunk_file_counts_as_not_done() throws IOException {
    ChunkStore store = ChunkStore.open(tmp.resolve("ep"), "fp");
    Files.writeString(tmp.resolve("ep/chunk-000000.json"), "{\"index\":0,\"startSam");
    assertThat(store.load(0, 0)).isEmpty();
  }

  @Test
  void progress_is_readable_by_status_displays() {
    ChunkStore store = ChunkStore.open(tmp.resolve("ep"), "fp");
    store.writeProgress(new TranscriptionProgress(TranscriptionProgress.State.RUNNING, 30, 120, 2, 1_700_000_000_000L, "vosk"));
    TranscriptionProgress p = ChunkStore.readProgress(tmp.resolve("ep")).orElseThrow();
    assertThat(p.fraction()).isEqualTo(0.25);
    assertThat(p.speed()).isEqualTo(15);
    assertThat(p.state()).isEqualTo(TranscriptionProgress.State.RUNNING);
    assertThat(ChunkStore.readProgress(tmp.resolve("none"))).isEmpty();
  }

  @Test
  void an_unwritable_work_dir_is_a_clear_storage_error() throws IOException {
    Path blocker = Files.writeString(tmp.resolve("data"), "a file where the data directory should be");
    assertThatThrownBy(() -> ChunkStore.open(blocker.resolve("speech/ep"), "fp"))
        .isInstanceOfSatisfying(SpeechException.class, e -> assertThat(e.kind()).isEqualTo(SpeechException.Kind.STORAGE))
        .hasMessageStartingWith("speech: cannot write the work directory")
        .hasMessageContaining("the disk may be full or read-only");
  }

  @Test
  void delete_removes_the_work_dir() {
    ChunkStore store = ChunkStore.open(tmp.resolve("ep"), "fp");
    store.save(result(0, 0));
    store.delete();
    assertThat(tmp.resolve("ep")).doesNotExist();
  }
}
