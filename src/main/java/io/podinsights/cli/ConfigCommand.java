package io.podinsights.cli;

import io.podinsights.config.Config;
import io.podinsights.config.ConfigKey;
import io.podinsights.config.Keys;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code podinsights config}: every key, its value now, and where that value came from. */
@Command(name = "config", description = "Show every config key, its current value and where it came from.",
    mixinStandardHelpOptions = true)
final class ConfigCommand implements Callable<Integer> {
  @Mixin AppOptions options;

  @Override
  public Integer call() {
    Config config = options.config();
    for (ConfigKey<?> key : Keys.ALL) {
      String value = config.written(key);
      String shown = key.name().toLowerCase(Locale.ROOT).contains("password")
          || key.name().endsWith("api-key") ? (value.isEmpty() ? "" : "********") : value;
      System.out.printf("%-30s = %-32s %s%n", key.name(), shown.isEmpty() ? "\"\"" : shown,
          config.origin(key).equals("default") ? "" : "(" + config.origin(key) + ")");
    }
    return 0;
  }
}
