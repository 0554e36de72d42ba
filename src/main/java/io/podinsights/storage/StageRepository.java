package io.podinsights.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The pipeline's stored state. Work is claimed with a conditional update and a lease, so two workers (or two
 * machines on PostgreSQL) never run the same stage of the same episode at once, and a worker that died leaves work
 * that is claimable again when its lease ends.
 */
public final class StageRepository {
  private static final String SELECT = "select s.episode_id, s.stage, s.status, s.attempts, s.last_error,"
      + " s.next_attempt_at, e.title as episode_title, f.title as show_title"
      + " from stages s join episodes e on e.id = s.episode_id join feeds f on f.id = e.feed_id";
  private final Jdbi jdbi;

  public StageRepository(Database db) {
    this.jdbi = db.jdbi();
  }

  static void enqueue(Handle h, long episodeId, Stage stage, long now) {
    h.createUpdate("insert into stages (episode_id, stage, status, attempts, next_attempt_at, updated_at)"
            + " values (:episode, :stage, 'pending', 0, :now, :now) on conflict (episode_id, stage) do nothing")
        .bind("episode", episodeId).bind("stage", stage.key()).bind("now", now).execute();
  }

  /**
   * Claims up to {@code limit} episodes due in {@code stage}: pending ones, failed ones whose retry time has come, and
   * running ones whose lease ran out (their worker died). Each claim counts as an attempt.
   */
  public List<StageRow> claimDue(Stage stage, Instant now, Duration lease, int limit) {
    long at = now.toEpochMilli();
    List<Long> candidates = jdbi.withHandle(h -> h.createQuery("select episode_id from stages where stage = :stage"
            + " and ((status in ('pending', 'failed') and next_attempt_at <= :now)"
            + " or (status = 'running' and lease_until < :now))"
            + " order by next_attempt_at, episode_id limit :limit")
        .bind("stage", stage.key()).bind("now", at).bind("limit", limit).mapTo(Long.class).list());
    List<StageRow> claimed = new ArrayList<>();
    for (long episodeId : candidates) {
      int updated = jdbi.withHandle(h -> h.createUpdate("update stages set status = 'running',"
              + " attempts = attempts + 1, lease_until = :lease, updated_at = :now"
              + " where episode_id = :episode and stage = :stage"
              + " and ((status in ('pending', 'failed') and next_attempt_at <= :now)"
              + " or (status = 'running' and lease_until < :now))")
          .bind("lease", now.plus(lease).toEpochMilli()).bind("now", at)
          .bind("episode", episodeId).bind("stage", stage.key()).execute());
      if (updated == 1) find(episodeId, stage).ifPresent(claimed::add);
    }
    return claimed;
  }

  static void finish(Handle h, long episodeId, Stage stage, Instant now) {
    h.createUpdate("update stages set status = 'done', last_error = null, lease_until = null, updated_at = :now"
            + " where episode_id = :episode and stage = :stage")
        .bind("now", now.toEpochMilli()).bind("episode", episodeId).bind("stage", stage.key()).execute();
  }

  /** Records a failure: retried at {@code retryAt}, or abandoned when {@code retryAt} is empty. */
  public void fail(long episodeId, Stage stage, String error, Optional<Instant> retryAt, Instant now) {
    jdbi.useHandle(h -> h.createUpdate("update stages set status = :status, last_error = :error,"
            + " next_attempt_at = :retry, lease_until = null, updated_at = :now"
            + " where episode_id = :episode and stage = :stage")
        .bind("status", retryAt.isPresent() ? StageStatus.FAILED.key() : StageStatus.ABANDONED.key())
        .bind("error", error)
        .bind("retry", retryAt.orElse(now).toEpochMilli())
        .bind("now", now.toEpochMilli()).bind("episode", episodeId).bind("stage", stage.key()).execute());
  }

  /** Makes abandoned and failed work due again now (the user asked to retry). Returns how many. */
  public int retryFailed(Instant now) {
    return jdbi.withHandle(h -> h.createUpdate("update stages set status = 'pending', attempts = 0,"
            + " next_attempt_at = :now, updated_at = :now where status in ('failed', 'abandoned')")
        .bind("now", now.toEpochMilli()).execute());
  }

  public Optional<StageRow> find(long episodeId, Stage stage) {
    return jdbi.withHandle(h -> h.createQuery(SELECT + " where s.episode_id = :episode and s.stage = :stage")
        .bind("episode", episodeId).bind("stage", stage.key()).map((rs, ctx) -> row(rs)).findOne());
  }

  /** Counts per stage and status, for {@code podinsights status}. */
  public Map<Stage, Map<StageStatus, Integer>> counts() {
    Map<Stage, Map<StageStatus, Integer>> counts = new EnumMap<>(Stage.class);
    jdbi.useHandle(h -> h.createQuery("select stage, status, count(*) as n from stages group by stage, status")
        .map((rs, ctx) -> {
          counts.computeIfAbsent(Stage.of(rs.getString("stage")), s -> new EnumMap<>(StageStatus.class))
              .put(StageStatus.of(rs.getString("status")), rs.getInt("n"));
          return null;
        }).list());
    return counts;
  }

  /** Stages that failed or were abandoned, most recent first. */
  public List<StageRow> problems(int limit) {
    return jdbi.withHandle(h -> h.createQuery(SELECT + " where s.status in ('failed', 'abandoned')"
            + " order by s.updated_at desc limit :limit")
        .bind("limit", limit).map((rs, ctx) -> row(rs)).list());
  }

  /** Stages being worked on right now. */
  public List<StageRow> running() {
    return jdbi.withHandle(h -> h.createQuery(SELECT + " where s.status = 'running' order by s.updated_at")
        .map((rs, ctx) -> row(rs)).list());
  }

  private static StageRow row(ResultSet rs) throws SQLException {
    return new StageRow(
        rs.getLong("episode_id"),
        Stage.of(rs.getString("stage")),
        StageStatus.of(rs.getString("status")),
        rs.getInt("attempts"),
        Optional.ofNullable(rs.getString("last_error")),
        Instant.ofEpochMilli(rs.getLong("next_attempt_at")),
        rs.getString("episode_title"),
        rs.getString("show_title"));
  }
}
