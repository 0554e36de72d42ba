package io.podinsights.storage;

import java.util.Optional;

/** What {@link Database#open} needs: the JDBC URL, optional credentials, and the pool size. */
public record DatabaseRequest(String url, Optional<String> user, Optional<String> password, int poolSize) {
  public DatabaseRequest {
    if (url == null || url.isBlank()) throw new IllegalArgumentException("storage: empty database URL");
    if (poolSize < 1) throw new IllegalArgumentException("storage: pool size must be at least 1");
  }

  public static DatabaseRequest of(String url) {
    return new DatabaseRequest(url, Optional.empty(), Optional.empty(), 4);
  }
}
