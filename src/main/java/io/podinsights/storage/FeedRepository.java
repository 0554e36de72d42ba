package io.podinsights.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Subscribed feeds and their polling state. */
public final class FeedRepository {
  private static final String COLUMNS = "id, url, title, status, consecutive_failures, last_error, recovered, etag,"
      + " last_modified, last_polled_at, next_poll_at";
  private final Jdbi jdbi;

  public FeedRepository(Database db) {
    this.jdbi = db.jdbi();
  }

  /** Subscribes to {@code url}, due for polling now; subscribing twice is a no-op. Returns the feed's id. */
  public Subscription add(String url, Instant now) {
    return jdbi.inTransaction(h -> {
      Optional<Long> created = h.createQuery("insert into feeds (url, next_poll_at, added_at) values (:url, :now, :now)"
              + " on conflict (url) do nothing returning id")
          .bind("url", url).bind("now", now.toEpochMilli())
          .mapTo(Long.class).findOne();
      if (created.isPresent()) return new Subscription(created.get(), SubscriptionState.NEW);
      long id = h.createQuery("select id from feeds where url = :url").bind("url", url).mapTo(Long.class).one();
      return new Subscription(id, SubscriptionState.EXISTING);
    });
  }

  public List<FeedRow> all() {
    return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from feeds order by lower(title), url")
        .map((rs, ctx) -> row(rs)).list());
  }

  public Optional<FeedRow> byId(long id) {
    return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from feeds where id = :id")
        .bind("id", id).map((rs, ctx) -> row(rs)).findOne());
  }

  public Optional<FeedRow> byUrl(String url) {
    return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from feeds where url = :url")
        .bind("url", url).map((rs, ctx) -> row(rs)).findOne());
  }

  /** Unsubscribes; the feed's episodes, transcripts and insights go with it. Returns whether it existed. */
  public boolean remove(long id) {
    return jdbi.withHandle(h -> h.createUpdate("delete from feeds where id = :id").bind("id", id).execute()) > 0;
  }

  /** Active feeds whose next poll time has come, soonest first. */
  public List<FeedRow> due(Instant now, int limit) {
    return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from feeds"
            + " where status = 'active' and next_poll_at <= :now order by next_poll_at, id limit :limit")
        .bind("now", now.toEpochMilli()).bind("limit", limit)
        .map((rs, ctx) -> row(rs)).list());
  }

  /** Makes every active feed due now (a manual scan). */
  public void makeAllDue(Instant now) {
    jdbi.useHandle(h -> h.createUpdate("update feeds set next_poll_at = :now where status = 'active'")
        .bind("now", now.toEpochMilli()).execute());
  }

  public void record(long id, FeedPollOutcome outcome) {
    jdbi.useTransaction(h -> record(h, id, outcome));
  }

  static void record(Handle h, long id, FeedPollOutcome outcome) {
    switch (outcome) {
      case FeedPollOutcome.Fetched f -> h.createUpdate("update feeds set title = :title, link = :link,"
              + " description = :description, author = :author, image_url = :image, language = :language,"
              + " etag = :etag, last_modified = :lastModified, recovered = :recovered, consecutive_failures = 0,"
              + " last_error = null, last_error_at = null, last_polled_at = :polled, next_poll_at = :next"
              + " where id = :id")
          .bind("title", f.show().title()).bind("link", f.show().link())
          .bind("description", f.show().description()).bind("author", f.show().author())
          .bind("image", f.show().imageUrl()).bind("language", f.show().language())
          .bind("etag", f.etag().orElse(null)).bind("lastModified", f.lastModified().orElse(null))
          .bind("recovered", f.recovered().orElse(null))
          .bind("polled", f.polledAt().toEpochMilli()).bind("next", f.nextPollAt().toEpochMilli())
          .bind("id", id).execute();
      case FeedPollOutcome.NotModified n -> h.createUpdate("update feeds set consecutive_failures = 0,"
              + " last_error = null, last_error_at = null, last_polled_at = :polled, next_poll_at = :next"
              + " where id = :id")
          .bind("polled", n.polledAt().toEpochMilli()).bind("next", n.nextPollAt().toEpochMilli())
          .bind("id", id).execute();
      case FeedPollOutcome.Failed f -> h.createUpdate("update feeds set consecutive_failures = :failures,"
              + " last_error = :error, last_error_at = :polled, status = :status, last_polled_at = :polled,"
              + " next_poll_at = :next where id = :id")
          .bind("failures", f.failures()).bind("error", f.error())
          .bind("status", f.status().name().toLowerCase(java.util.Locale.ROOT))
          .bind("polled", f.polledAt().toEpochMilli()).bind("next", f.nextPollAt().toEpochMilli())
          .bind("id", id).execute();
    }
  }

  /** Moves a feed to a new address (a permanent redirect or itunes:new-feed-url that parsed as a feed). */
  public void changeUrl(long id, String newUrl) {
    jdbi.useHandle(h -> h.createUpdate("update feeds set url = :url, etag = null, last_modified = null where id = :id"
            + " and not exists (select 1 from feeds other where other.url = :url)")
        .bind("url", newUrl).bind("id", id).execute());
  }

  private static FeedRow row(ResultSet rs) throws SQLException {
    return new FeedRow(
        rs.getLong("id"),
        rs.getString("url"),
        rs.getString("title"),
        FeedStatus.valueOf(rs.getString("status").toUpperCase(java.util.Locale.ROOT)),
        rs.getInt("consecutive_failures"),
        Optional.ofNullable(rs.getString("last_error")),
        Optional.ofNullable(rs.getString("recovered")),
        Optional.ofNullable(rs.getString("etag")),
        Optional.ofNullable(rs.getString("last_modified")),
        Rows.instant(rs, "last_polled_at"),
        Instant.ofEpochMilli(rs.getLong("next_poll_at")));
  }

  /** The feed a subscription points at, and whether this call created it. */
  public record Subscription(long feedId, SubscriptionState state) {}

  /** Whether {@link #add} created the subscription or found it. */
  public enum SubscriptionState { NEW, EXISTING }
}
