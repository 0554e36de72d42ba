package io.podinsights.storage;

import java.util.Locale;

/** The per-episode pipeline stages, in order. */
public enum Stage {
  TRANSCRIPT, INSIGHTS;

  String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Stage of(String key) {
    return valueOf(key.toUpperCase(Locale.ROOT));
  }
}
