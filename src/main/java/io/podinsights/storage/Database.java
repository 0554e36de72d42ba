package io.podinsights.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/**
 * The connection pool and migrations. SQLite runs in WAL mode with {@code synchronous=FULL}, a busy timeout, foreign
 * keys on, and every transaction opened with {@code BEGIN IMMEDIATE} so writers queue instead of failing.
 */
public final class Database implements AutoCloseable {
  private static final Duration BUSY_TIMEOUT = Duration.ofSeconds(15);

  private final HikariDataSource dataSource;
  private final Dialect dialect;
  private final Jdbi jdbi;

  private Database(HikariDataSource dataSource, Dialect dialect) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.jdbi = Jdbi.create(dataSource);
  }

  /** Opens the database at {@code request.url()} and brings its schema up to date. */
  public static Database open(DatabaseRequest request) {
    Dialect dialect = Dialect.of(request.url());
    HikariConfig hikari = new HikariConfig();
    hikari.setJdbcUrl(request.url());
    hikari.setPoolName("podinsights");
    hikari.setMaximumPoolSize(request.poolSize());
    hikari.setConnectionTimeout(BUSY_TIMEOUT.toMillis() + 5_000);
    request.user().ifPresent(hikari::setUsername);
    request.password().ifPresent(hikari::setPassword);
    if (dialect == Dialect.SQLITE) {
      createParentDirectory(request.url());
      hikari.addDataSourceProperty("journal_mode", "WAL");
      hikari.addDataSourceProperty("synchronous", "FULL");
      hikari.addDataSourceProperty("busy_timeout", String.valueOf(BUSY_TIMEOUT.toMillis()));
      hikari.addDataSourceProperty("foreign_keys", "true");
      hikari.addDataSourceProperty("transaction_mode", "IMMEDIATE");
    }
    HikariDataSource ds;
    try {
      ds = new HikariDataSource(hikari);
    } catch (RuntimeException e) {
      throw new StorageException("storage: can't open " + request.url() + ": " + rootMessage(e), e);
    }
    try {
      Flyway.configure()
          .dataSource(ds)
          .locations("classpath:db/migration/common", dialect.migrationFolder())
          .placeholders(dialect.placeholders())
          .load()
          .migrate();
    } catch (RuntimeException e) {
      ds.close();
      throw new StorageException("storage: can't migrate " + request.url() + ": " + rootMessage(e), e);
    }
    return new Database(ds, dialect);
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public Dialect dialect() {
    return dialect;
  }

  Jdbi jdbi() {
    return jdbi;
  }

  @Override
  public void close() {
    dataSource.close();
  }

  private static void createParentDirectory(String url) {
    String file = url.substring("jdbc:sqlite:".length());
    int query = file.indexOf('?');
    if (query >= 0) file = file.substring(0, query);
    if (file.isBlank() || file.startsWith(":memory:") || file.startsWith("file:")) return;
    Path parent = Path.of(file).toAbsolutePath().getParent();
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      throw new StorageException("storage: can't create directory " + parent + ": " + e.getMessage(), e);
    }
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) t = t.getCause();
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
