package io.podinsights.storage;

import java.util.Locale;

/** Where an episode stands in a stage: waiting, being worked on, finished, failed (will retry), or given up. */
public enum StageStatus {
  PENDING, RUNNING, DONE, FAILED, ABANDONED;

  String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  static StageStatus of(String key) {
    return valueOf(key.toUpperCase(Locale.ROOT));
  }
}
