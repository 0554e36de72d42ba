package io.podinsights.config;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.function.Function;

/** One documented config key: its dotted name, default (as written in a file), meaning, and how to read a value. */
public record ConfigKey<T>(String name, String defaultValue, String description, Function<String, T> reader) {

  /** The environment variable that sets this key: {@code smtp.from} is {@code PODINSIGHTS_SMTP_FROM}. */
  public String envName() {
    return "PODINSIGHTS_" + name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  public static ConfigKey<String> text(String name, String def, String description) {
    return new ConfigKey<>(name, def, description, s -> s);
  }

  public static ConfigKey<Integer> integer(String name, String def, String description) {
    return new ConfigKey<>(name, def, description, s -> {
      try {
        return Integer.parseInt(s.strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("expected a whole number, got '" + s + "'");
      }
    });
  }

  public static ConfigKey<Boolean> bool(String name, String def, String description) {
    return new ConfigKey<>(name, def, description, s -> switch (s.strip().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on", "1" -> true;
      case "false", "no", "off", "0" -> false;
      default -> throw new IllegalArgumentException("expected true or false, got '" + s + "'");
    });
  }

  public static ConfigKey<Duration> duration(String name, String def, String description) {
    return new ConfigKey<>(name, def, description, ConfigKey::parseDuration);
  }

  public static ConfigKey<Long> bytes(String name, String def, String description) {
    return new ConfigKey<>(name, def, description, ConfigKey::parseBytes);
  }

  public static ConfigKey<LocalTime> time(String name, String def, String description) {
    return new ConfigKey<>(name, def, description, s -> {
      try {
        return LocalTime.parse(s.strip());
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("expected a time like 07:30, got '" + s + "'");
      }
    });
  }

  public static ConfigKey<ZoneId> zone(String name, String def, String description) {
    return new ConfigKey<>(name, def, description, s -> {
      if (s.isBlank() || s.equalsIgnoreCase("system")) return ZoneId.systemDefault();
      try {
        return ZoneId.of(s.strip());
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("expected a time zone like Europe/Berlin or 'system', got '" + s + "'");
      }
    });
  }

  /** Reads {@code 90s}, {@code 15m}, {@code 2h}, {@code 1d}, {@code 500ms}, or ISO-8601 {@code PT1H}. */
  static Duration parseDuration(String raw) {
    String s = raw.strip().toLowerCase(Locale.ROOT);
    try {
      if (s.startsWith("pt") || s.startsWith("p")) return Duration.parse(s.toUpperCase(Locale.ROOT));
      if (s.endsWith("ms")) return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2).strip()));
      long n = Long.parseLong(s.substring(0, s.length() - 1).strip());
      return switch (s.charAt(s.length() - 1)) {
        case 's' -> Duration.ofSeconds(n);
        case 'm' -> Duration.ofMinutes(n);
        case 'h' -> Duration.ofHours(n);
        case 'd' -> Duration.ofDays(n);
        default -> throw new IllegalArgumentException();
      };
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("expected a duration like 30s, 15m, 2h or 1d, got '" + raw + "'");
    }
  }

  /** Reads {@code 20MB}, {@code 1GB}, {@code 512KB} (powers of 1024) or a plain byte count. */
  static long parseBytes(String raw) {
    String s = raw.strip().toUpperCase(Locale.ROOT).replace(" ", "");
    long unit = 1;
    for (var u : new String[][] {{"KB", "1024"}, {"MB", "1048576"}, {"GB", "1073741824"}, {"B", "1"}}) {
      if (s.endsWith(u[0])) {
        unit = Long.parseLong(u[1]);
        s = s.substring(0, s.length() - u[0].length());
        break;
      }
    }
    try {
      long n = Long.parseLong(s);
      if (n <= 0) throw new NumberFormatException();
      return Math.multiplyExact(n, unit);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("expected a size like 20MB or 1GB, got '" + raw + "'");
    }
  }
}
