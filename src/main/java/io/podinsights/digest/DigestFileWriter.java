package io.podinsights.digest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * Writes a rendered digest as {@code digest-YYYY-MM-DD.html} and {@code .txt} into a directory, each atomically (a
 * temporary file in the same directory, flushed to disk, then renamed over the old one), so a reader never sees half
 * a file. The caller picks the directory (one per recipient); this class knows nothing of the data layout.
 */
public final class DigestFileWriter {

  /** Where the two files landed. */
  public record WrittenDigest(Path html, Path text) {
    public WrittenDigest {
      Objects.requireNonNull(html, "digest: html path");
      Objects.requireNonNull(text, "digest: text path");
    }
  }

  public WrittenDigest write(Path directory, RenderedDigest rendered) throws IOException {
    Files.createDirectories(directory);
    String base = "digest-" + rendered.digest().date();
    Path html = writeAtomically(directory.resolve(base + ".html"), rendered.html());
    Path text = writeAtomically(directory.resolve(base + ".txt"), rendered.text());
    syncDirectory(directory);
    return new WrittenDigest(html, text);
  }

  private static Path writeAtomically(Path target, String content) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer bytes = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) ch.write(bytes);
        ch.force(true);
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        throw new IOException("digest: " + dir + " does not support atomic renames; choose a local directory for digests", e);
      }
      return target;
    } catch (IOException e) {
      Files.deleteIfExists(tmp);
      throw new IOException("digest: could not write " + target + " (" + e.getMessage() + "); the previous copy, if any, is untouched", e);
    }
  }

  /** Makes the renames durable; skipped where a directory cannot be opened (not on Linux). */
  private static void syncDirectory(Path directory) {
    try (FileChannel ch = FileChannel.open(directory, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException ignored) {
      // Directory fsync is best effort: the files themselves were forced before the rename.
    }
  }
}
