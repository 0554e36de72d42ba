package io.podinsights.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Builds a {@link Config}: defaults, then the config file, then {@code PODINSIGHTS_…} environment variables. */
public final class ConfigLoader {
  private ConfigLoader() {}

  public static Config load(ConfigSource source) {
    Map<ConfigKey<?>, Object> values = new LinkedHashMap<>();
    Map<ConfigKey<?>, String> origins = new LinkedHashMap<>();
    Map<ConfigKey<?>, String> written = new LinkedHashMap<>();
    for (ConfigKey<?> key : Keys.ALL) {
      values.put(key, read(key, key.defaultValue(), "default"));
      origins.put(key, "default");
    }
    if (source.file().isPresent()) {
      Path file = source.file().get();
      Map<String, String> fromFile = readFile(file);
      fromFile.forEach((name, raw) -> {
        ConfigKey<?> key = keyNamed(name).orElseThrow(() -> new ConfigException(
            "config: unknown key '" + name + "' in " + file + suggestion(name)));
        values.put(key, read(key, raw, file.toString()));
        origins.put(key, file.toString());
        written.put(key, raw);
      });
    }
    for (ConfigKey<?> key : Keys.ALL) {
      String raw = source.environment().get(key.envName());
      if (raw != null) {
        values.put(key, read(key, raw, "environment variable " + key.envName()));
        origins.put(key, "env " + key.envName());
        written.put(key, raw);
      }
    }
    return new Config(values, origins, written);
  }

  static Object read(ConfigKey<?> key, String raw, String origin) {
    try {
      return key.reader().apply(raw);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("config: " + key.name() + " (from " + origin + "): " + e.getMessage());
    }
  }

  private static Optional<ConfigKey<?>> keyNamed(String name) {
    return Keys.ALL.stream().filter(k -> k.name().equals(name)).<ConfigKey<?>>map(k -> k).findFirst();
  }

  private static String suggestion(String name) {
    return Keys.ALL.stream()
        .min(Comparator.comparingInt(k -> distance(k.name(), name)))
        .filter(k -> distance(k.name(), name) <= 3)
        .map(k -> " (did you mean " + k.name() + "?)")
        .orElse("; see 'podinsights config' for every key");
  }

  private static Map<String, String> readFile(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    ObjectMapper mapper = name.endsWith(".toml") ? new TomlMapper() : new YAMLMapper();
    JsonNode root;
    try {
      root = mapper.readTree(Files.readString(file));
    } catch (IOException e) {
      throw new ConfigException("config: can't read " + file + ": " + e.getMessage().lines().findFirst().orElse(""));
    }
    Map<String, String> flat = new LinkedHashMap<>();
    if (root != null && !root.isMissingNode() && !root.isNull()) {
      if (!root.isObject()) throw new ConfigException("config: " + file + " must hold keys and values");
      flatten("", root, flat, file);
    }
    return flat;
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> out, Path file) {
    node.properties().forEach(entry -> {
      String name = prefix.isEmpty() ? entry.getKey() : prefix + "." + entry.getKey();
      JsonNode value = entry.getValue();
      if (value.isObject()) {
        flatten(name, value, out, file);
      } else if (value.isValueNode()) {
        out.put(name, value.asText());
      } else {
        throw new ConfigException("config: " + name + " in " + file + " must be a single value");
      }
    });
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) prev[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
