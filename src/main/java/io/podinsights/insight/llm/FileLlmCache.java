package io.podinsights.insight.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JSON file per answer under a directory ({@code <dir>/<ab>/<digest>.json}), written atomically. A file that
 * cannot be read counts as a miss; a failed write is logged and dropped (the cache only saves money).
 */
public final class FileLlmCache implements LlmCache {

  private static final Logger log = LoggerFactory.getLogger(FileLlmCache.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path dir;

  public FileLlmCache(Path dir) {
    this.dir = dir.toAbsolutePath().normalize();
    try {
      Files.createDirectories(this.dir);
    } catch (IOException e) {
      throw new UncheckedIOException("insight-llm: cannot create cache directory " + this.dir + "; check permissions", e);
    }
  }

  @Override
  public Optional<String> get(CacheKey key) {
    Path file = fileFor(key);
    if (!Files.isRegularFile(file)) return Optional.empty();
    try {
      JsonNode node = JSON.readTree(file.toFile());
      // The digest could collide only in theory; the stored key parts make a hit exact.
      if (!key.transcriptHash().equals(node.path("transcriptHash").asText())
          || !key.promptVersion().equals(node.path("promptVersion").asText())
          || !key.modelId().equals(node.path("model").asText())
          || !key.requestHash().equals(node.path("requestHash").asText())
          || !node.path("answer").isTextual()) {
        return Optional.empty();
      }
      return Optional.of(node.path("answer").asText());
    } catch (IOException e) {
      log.warn("event=llm_cache_unreadable file={} error=\"{}\"", file, e.getMessage());
      return Optional.empty();
    }
  }

  @Override
  public void put(CacheKey key, String answer) {
    Path file = fileFor(key);
    ObjectNode node = JSON.createObjectNode()
        .put("transcriptHash", key.transcriptHash())
        .put("promptVersion", key.promptVersion())
        .put("model", key.modelId())
        .put("requestHash", key.requestHash())
        .put("answer", answer);
    try {
      Files.createDirectories(file.getParent());
      Path tmp = Files.createTempFile(file.getParent(), ".answer", ".tmp");
      try {
        JSON.writeValue(tmp.toFile(), node);
        try {
          Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      log.warn("event=llm_cache_write_failed file={} error=\"{}\"", file, e.getMessage());
    }
  }

  private Path fileFor(CacheKey key) {
    String digest = key.digest();
    return dir.resolve(digest.substring(0, 2)).resolve(digest + ".json");
  }
}
