package io.podinsights.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Where configuration is read from: an optional config file and the process environment. */
public record ConfigSource(Optional<Path> file, Map<String, String> environment) {
  public ConfigSource {
    environment = Map.copyOf(environment);
  }

  /**
   * The file named by {@code --config} or {@code PODINSIGHTS_CONFIG}, else {@code podinsights.toml},
   * {@code podinsights.yaml} or {@code podinsights.yml} in the working directory when one exists.
   */
  public static ConfigSource discover(Optional<Path> explicit, Map<String, String> env) {
    Optional<Path> file = explicit.or(() -> Optional.ofNullable(env.get("PODINSIGHTS_CONFIG")).map(Path::of));
    if (file.isEmpty()) {
      for (String name : new String[] {"podinsights.toml", "podinsights.yaml", "podinsights.yml"}) {
        Path p = Path.of(name);
        if (p.toFile().isFile()) {
          file = Optional.of(p);
          break;
        }
      }
    }
    return new ConfigSource(file, env);
  }
}
