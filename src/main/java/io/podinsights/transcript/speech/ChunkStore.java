package io.podinsights.transcript.speech;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Keeps finished chunk results of one episode as small JSON files in its work directory ({@code chunk-000012.json}),
 * each written to a temp file and moved into place atomically, so a crash never leaves half a result. A fingerprint
 * (file, engine, model, chunk length) guards against reusing results made from other input or settings.
 */
public final class ChunkStore {
  static final String FINGERPRINT = "job.txt";
  public static final String PROGRESS = "progress.json";
  private static final ObjectMapper JSON = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .build();

  private final Path dir;

  private ChunkStore(Path dir) {
    this.dir = dir;
  }

  /** Opens (creating) the work directory; clears stored chunks made with a different fingerprint. */
  public static ChunkStore open(Path workDir, String fingerprint) {
    ChunkStore store = new ChunkStore(workDir);
    try {
      Files.createDirectories(workDir);
      Path fp = workDir.resolve(FINGERPRINT);
      Optional<String> old = Files.exists(fp) ? Optional.of(Files.readString(fp)) : Optional.empty();
      if (old.isEmpty() || !old.get().equals(fingerprint)) {
        store.clearChunks();
        store.writeAtomically(fp, fingerprint.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw storageError(workDir, e);
    }
    return store;
  }

  public Path dir() {
    return dir;
  }

  /** The stored result of chunk {@code index}, if it finished in an earlier run and starts at the same sample. */
  public Optional<ChunkResult> load(int index, long startSample) {
    Path file = chunkFile(index);
    try {
      ChunkResult r = JSON.readValue(file.toFile(), ChunkResult.class);
      return r.index() == index && r.startSample() == startSample ? Optional.of(r) : Optional.empty();
    } catch (NoSuchFileException | java.io.FileNotFoundException e) {
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  public void save(ChunkResult result) {
    try {
      writeAtomically(chunkFile(result.index()), JSON.writeValueAsBytes(result));
    } catch (IOException e) {
      throw storageError(dir, e);
    }
  }

  /** How many chunk results are stored. */
  public int storedChunks() {
    try (Stream<Path> files = Files.list(dir)) {
      return (int) files.filter(ChunkStore::isChunkFile).count();
    } catch (IOException e) {
      return 0;
    }
  }

  public void writeProgress(TranscriptionProgress progress) {
    writeProgress(dir, progress);
  }

  /** Writes {@code progress.json} into {@code workDir} atomically (the job's top directory, whatever the pass). */
  public static void writeProgress(Path workDir, TranscriptionProgress progress) {
    try {
      Files.createDirectories(workDir);
      writeAtomically(workDir, workDir.resolve(PROGRESS), JSON.writeValueAsBytes(progress));
    } catch (IOException e) {
      throw storageError(workDir, e);
    }
  }

  /** The last progress written in {@code workDir}, for status displays; empty when none or unreadable. */
  public static Optional<TranscriptionProgress> readProgress(Path workDir) {
    try {
      return Optional.of(JSON.readValue(workDir.resolve(PROGRESS).toFile(), TranscriptionProgress.class));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Deletes the work directory (after the transcript has been saved elsewhere). */
  public void delete() {
    deleteWorkDir(dir);
  }

  /** Deletes a job's work directory with its chunks and progress; nothing happens when it does not exist. */
  public static void deleteWorkDir(Path dir) {
    if (!Files.exists(dir)) return;
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    } catch (IOException e) {
      throw storageError(dir, e);
    }
  }

  private void clearChunks() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.filter(ChunkStore::isChunkFile).toList()) Files.deleteIfExists(p);
    }
  }

  private static boolean isChunkFile(Path p) {
    String n = p.getFileName().toString();
    return n.startsWith("chunk-") && n.endsWith(".json");
  }

  private Path chunkFile(int index) {
    return dir.resolve(String.format(Locale.ROOT, "chunk-%06d.json", index));
  }

  private void writeAtomically(Path target, byte[] bytes) throws IOException {
    writeAtomically(dir, target, bytes);
  }

  private static void writeAtomically(Path dir, Path target, byte[] bytes) throws IOException {
    Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
    try {
      Files.write(tmp, bytes);
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  static SpeechException storageError(Path dir, IOException e) {
    String why = e instanceof FileSystemException fse && fse.getReason() != null ? fse.getReason() : e.toString();
    return new SpeechException(SpeechException.Kind.STORAGE,
        "speech: cannot write the work directory " + dir + " (" + why
            + "); the disk may be full or read-only: free some space or point the data directory elsewhere", e);
  }
}
