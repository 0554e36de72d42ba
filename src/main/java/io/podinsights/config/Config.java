package io.podinsights.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The resolved configuration: one value per {@link Keys} entry, each read and validated by its key, with where the
 * value came from (default, the config file, or an environment variable).
 */
public final class Config {
  private final Map<ConfigKey<?>, Object> values;
  private final Map<ConfigKey<?>, String> origins;
  private final Map<ConfigKey<?>, String> written;

  Config(Map<ConfigKey<?>, Object> values, Map<ConfigKey<?>, String> origins, Map<ConfigKey<?>, String> written) {
    this.values = Map.copyOf(values);
    this.origins = Map.copyOf(origins);
    this.written = Map.copyOf(written);
  }

  /** All defaults; what a fresh install runs with. */
  public static Config defaults() {
    return ConfigLoader.load(new ConfigSource(java.util.Optional.empty(), Map.of()));
  }

  @SuppressWarnings("unchecked")
  public <T> T get(ConfigKey<T> key) {
    return (T) Objects.requireNonNull(values.get(key), () -> "config: key not loaded: " + key.name());
  }

  public String origin(ConfigKey<?> key) {
    return origins.getOrDefault(key, "default");
  }

  /** The value as it was written (in the file, the environment, or the default). */
  public String written(ConfigKey<?> key) {
    return written.getOrDefault(key, key.defaultValue());
  }

  /** A copy with some keys overridden (tests, the demo). Values are given as they would be written in a file. */
  public Config with(Map<ConfigKey<?>, String> overrides) {
    Map<ConfigKey<?>, Object> v = new LinkedHashMap<>(values);
    Map<ConfigKey<?>, String> o = new LinkedHashMap<>(origins);
    Map<ConfigKey<?>, String> w = new LinkedHashMap<>(written);
    overrides.forEach((key, raw) -> {
      v.put(key, ConfigLoader.read(key, raw, "override"));
      o.put(key, "override");
      w.put(key, raw);
    });
    return new Config(v, o, w);
  }

  public Path dataDir() {
    return Path.of(get(Keys.DATA_DIR)).toAbsolutePath().normalize();
  }

  /** The JDBC URL: the configured one, or the SQLite file in the data directory. */
  public String databaseUrl() {
    String url = get(Keys.DATABASE_URL);
    return url.isBlank() ? "jdbc:sqlite:" + dataDir().resolve("podinsights.db") : url;
  }
}
