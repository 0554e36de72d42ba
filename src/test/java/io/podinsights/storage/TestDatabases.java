package io.podinsights.storage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Fresh databases for tests: a SQLite file in a temporary directory, or a new database on the PostgreSQL server at
 * {@code PODINSIGHTS_TEST_POSTGRES} (default 127.0.0.1:5432, user postgres), dropped again on close.
 */
public final class TestDatabases {
  private static final String SERVER =
      System.getenv().getOrDefault("PODINSIGHTS_TEST_POSTGRES", "jdbc:postgresql://127.0.0.1:5432/");
  private static final String ADMIN_USER = System.getenv().getOrDefault("PODINSIGHTS_TEST_POSTGRES_USER", "postgres");

  private TestDatabases() {}

  /** Both kinds, for tests that must hold on each. */
  public static Stream<Dialect> dialects() {
    return Stream.of(Dialect.SQLITE, Dialect.POSTGRESQL);
  }

  /** A fresh, migrated database of the given kind; closing it drops a PostgreSQL database. */
  public static Fresh open(Dialect dialect) {
    return switch (dialect) {
      case SQLITE -> {
        try {
          Path dir = Files.createTempDirectory("podinsights-test");
          String url = "jdbc:sqlite:" + dir.resolve("test.db");
          yield new Fresh(Database.open(DatabaseRequest.of(url)), url, () -> {});
        } catch (java.io.IOException e) {
          throw new IllegalStateException(e);
        }
      }
      case POSTGRESQL -> {
        String name = "podinsights_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
            .toLowerCase(Locale.ROOT);
        admin("create database " + name);
        String url = SERVER + name;
        Database db = Database.open(new DatabaseRequest(url, java.util.Optional.of(ADMIN_USER),
            java.util.Optional.empty(), 4));
        yield new Fresh(db, url, () -> admin("drop database if exists " + name + " with (force)"));
      }
    };
  }

  static void admin(String sql) {
    try (Connection c = DriverManager.getConnection(SERVER + "postgres", ADMIN_USER, "")) {
      c.createStatement().execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("test: PostgreSQL at " + SERVER + " is needed for this test and did not answer"
          + " (" + e.getMessage() + "); start it with: pg_ctlcluster --skip-systemctl-redirect 15 main start", e);
    }
  }

  /** An open test database and how to get rid of it. */
  public record Fresh(Database db, String url, Runnable dropper) implements AutoCloseable {
    @Override
    public void close() {
      db.close();
      dropper.run();
    }
  }
}
