package io.podinsights.cli;

import io.podinsights.App;
import io.podinsights.config.Config;
import io.podinsights.config.ConfigLoader;
import io.podinsights.config.ConfigSource;
import io.podinsights.config.Keys;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Options every command that touches the data directory shares: where the config file and the data are. */
public final class AppOptions {
  @Option(names = "--config", paramLabel = "FILE",
      description = "Config file (default: podinsights.toml or podinsights.yaml here, or $PODINSIGHTS_CONFIG).")
  Path configFile;

  @Option(names = "--data-dir", paramLabel = "DIR", description = "Data directory (overrides data-dir).")
  Path dataDir;

  public Config config() {
    Config config = ConfigLoader.load(ConfigSource.discover(Optional.ofNullable(configFile), System.getenv()));
    return dataDir == null ? config : config.with(Map.of(Keys.DATA_DIR, dataDir.toString()));
  }

  public App open() {
    return App.open(config(), InstantSource.system());
  }
}
