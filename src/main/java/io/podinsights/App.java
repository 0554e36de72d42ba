package io.podinsights;

import io.podinsights.cli.PodinsightsCommand;
import io.podinsights.config.Config;
import io.podinsights.config.Keys;
import io.podinsights.storage.Database;
import io.podinsights.storage.DatabaseRequest;
import io.podinsights.storage.DigestRepository;
import io.podinsights.storage.EpisodeRepository;
import io.podinsights.storage.FeedRepository;
import io.podinsights.storage.InsightRepository;
import io.podinsights.storage.StageRepository;
import io.podinsights.storage.TranscriptRepository;
import java.time.InstantSource;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The main entry and the wiring: builds every part from the config by hand (nothing is found by scanning). Parts are
 * made on first use, so a quick command like {@code list} never loads the speech or embedding models.
 */
public final class App implements AutoCloseable {
  private final Config config;
  private final InstantSource clock;
  private final Lazy<Database> db;

  private App(Config config, InstantSource clock) {
    this.config = config;
    this.clock = clock;
    this.db = new Lazy<>(() -> Database.open(new DatabaseRequest(
        config.databaseUrl(),
        nonBlank(config.get(Keys.DATABASE_USER)),
        nonBlank(config.get(Keys.DATABASE_PASSWORD)),
        config.get(Keys.DATABASE_POOL_SIZE))));
  }

  public static void main(String[] args) {
    System.exit(PodinsightsCommand.commandLine().execute(args));
  }

  public static App open(Config config, InstantSource clock) {
    return new App(config, clock);
  }

  public Config config() {
    return config;
  }

  public InstantSource clock() {
    return clock;
  }

  public Database db() {
    return db.get();
  }

  public FeedRepository feeds() {
    return new FeedRepository(db());
  }

  public EpisodeRepository episodes() {
    return new EpisodeRepository(db());
  }

  public StageRepository stages() {
    return new StageRepository(db());
  }

  public TranscriptRepository transcripts() {
    return new TranscriptRepository(db());
  }

  public InsightRepository insights() {
    return new InsightRepository(db());
  }

  public DigestRepository digests() {
    return new DigestRepository(db());
  }

  @Override
  public void close() {
    db.ifMade(Database::close);
  }

  private static Optional<String> nonBlank(String s) {
    return s.isBlank() ? Optional.empty() : Optional.of(s);
  }

  /** A part made on first use, once. */
  private static final class Lazy<T> {
    private final Supplier<T> maker;
    private T value;

    Lazy(Supplier<T> maker) {
      this.maker = maker;
    }

    synchronized T get() {
      if (value == null) value = maker.get();
      return value;
    }

    synchronized void ifMade(java.util.function.Consumer<T> action) {
      if (value != null) action.accept(value);
    }
  }
}
