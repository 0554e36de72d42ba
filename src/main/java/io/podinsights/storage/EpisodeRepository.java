package io.podinsights.storage;

import io.podinsights.podcast.Enclosure;
import io.podinsights.podcast.Episode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Episodes of subscribed feeds. New episodes enter the pipeline at its first stage in the same transaction. */
public final class EpisodeRepository {
  private static final String SELECT = "select e.id, e.feed_id, f.url as feed_url, f.title as show_title, e.guid,"
      + " e.title, e.link, e.published_at, e.enclosure_url, e.enclosure_type, e.enclosure_length, e.duration_ms,"
      + " e.transcript_links, e.persons from episodes e join feeds f on f.id = e.feed_id";
  private final Jdbi jdbi;

  public EpisodeRepository(Database db) {
    this.jdbi = db.jdbi();
  }

  /**
   * Stores the episodes not seen before (by guid within the feed) and queues those in {@code queuedGuids} for
   * {@code firstStage} (a new subscription queues only its latest episodes, not its whole back catalogue). The feed's
   * poll outcome is recorded in the same transaction, so a crash never leaves a feed marked polled without its
   * episodes. Returns the ids of the new episodes that were queued.
   */
  public List<Long> addNew(long feedId, List<Episode> episodes, FeedPollOutcome outcome, Stage firstStage,
      java.util.Set<String> queuedGuids) {
    long now = outcome.polledAt().toEpochMilli();
    return jdbi.inTransaction(h -> {
      List<Long> created = new ArrayList<>();
      for (Episode e : episodes) {
        Optional<Long> id = h.createQuery("insert into episodes (feed_id, guid, title, link, published_at,"
                + " enclosure_url, enclosure_type, enclosure_length, duration_ms, transcript_links, persons,"
                + " discovered_at) values (:feed, :guid, :title, :link, :published, :encUrl, :encType, :encLength,"
                + " :duration, :links, :persons, :now) on conflict (feed_id, guid) do nothing returning id")
            .bind("feed", feedId).bind("guid", e.guid()).bind("title", e.title()).bind("link", e.link())
            .bind("published", e.published().map(Instant::toEpochMilli).orElse(null))
            .bind("encUrl", e.enclosure().map(Enclosure::url).orElse(null))
            .bind("encType", e.enclosure().map(Enclosure::type).orElse(null))
            .bind("encLength", e.enclosure().map(Enclosure::length).orElse(null))
            .bind("duration", e.duration().map(Duration::toMillis).orElse(null))
            .bind("links", Json.links(e.transcripts())).bind("persons", Json.persons(e.persons()))
            .bind("now", now)
            .mapTo(Long.class).findOne();
        if (id.isPresent() && queuedGuids.contains(e.guid())) created.add(id.get());
      }
      for (long id : created) StageRepository.enqueue(h, id, firstStage, now);
      FeedRepository.record(h, feedId, outcome);
      return created;
    });
  }

  public Optional<StoredEpisode> byId(long id) {
    return jdbi.withHandle(h -> h.createQuery(SELECT + " where e.id = :id").bind("id", id)
        .map((rs, ctx) -> row(rs)).findOne());
  }

  /** The feed's episodes, newest first. */
  public List<StoredEpisode> ofFeed(long feedId) {
    return jdbi.withHandle(h -> h.createQuery(SELECT + " where e.feed_id = :feed"
            + " order by coalesce(e.published_at, e.discovered_at) desc, e.id desc")
        .bind("feed", feedId).map((rs, ctx) -> row(rs)).list());
  }

  public int count() {
    return jdbi.withHandle(h -> h.createQuery("select count(*) from episodes").mapTo(Integer.class).one());
  }

  private static StoredEpisode row(ResultSet rs) throws SQLException {
    String enclosureUrl = rs.getString("enclosure_url");
    Optional<Enclosure> enclosure = enclosureUrl == null ? Optional.empty() : Optional.of(new Enclosure(enclosureUrl,
        rs.getString("enclosure_type"), Rows.optionalLong(rs, "enclosure_length").orElse(-1L)));
    Episode episode = new Episode(
        rs.getString("guid"),
        rs.getString("title"),
        rs.getString("link"),
        "",
        Rows.instant(rs, "published_at"),
        enclosure,
        Rows.optionalLong(rs, "duration_ms").map(Duration::ofMillis),
        Json.links(rs.getString("transcript_links")),
        Json.persons(rs.getString("persons")),
        Optional.empty(),
        Optional.empty());
    return new StoredEpisode(rs.getLong("id"), rs.getLong("feed_id"), rs.getString("feed_url"),
        rs.getString("show_title"), episode);
  }
}
