package io.podinsights.insight.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileLlmCacheTest {

  @TempDir Path dir;

  private final CacheKey key = new CacheKey("t-hash", "rewrite-v1", "ollama/llama3", "r-hash");

  @Test
  void stores_and_returns_an_answer_across_instances() {
    new FileLlmCache(dir).put(key, "{\"insights\":[]}");

    assertThat(new FileLlmCache(dir).get(key)).contains("{\"insights\":[]}");
  }

  @Test
  void each_part_of_the_key_matters() {
    FileLlmCache cache = new FileLlmCache(dir);
    cache.put(key, "a");

    assertThat(cache.get(new CacheKey("t-hash", "rewrite-v2", "ollama/llama3", "r-hash"))).isEmpty();
    assertThat(cache.get(new CacheKey("t-hash", "rewrite-v1", "ollama/mistral", "r-hash"))).isEmpty();
    assertThat(cache.get(new CacheKey("other", "rewrite-v1", "ollama/llama3", "r-hash"))).isEmpty();
  }

  @Test
  void a_damaged_file_is_a_miss_and_leaves_no_temp_files() throws Exception {
    FileLlmCache cache = new FileLlmCache(dir);
    cache.put(key, "a");
    Path file;
    try (Stream<Path> files = Files.walk(dir)) {
      file = files.filter(Files::isRegularFile).findFirst().orElseThrow();
    }
    assertThat(file.getFileName().toString()).isEqualTo(key.digest() + ".json");
    Files.writeString(file, "{\"transcriptHash\":");

    assertThat(cache.get(key)).isEmpty();
    try (Stream<Path> files = Files.walk(dir)) {
      assertThat(files.filter(p -> p.toString().endsWith(".tmp"))).isEmpty();
    }
  }
}
