package io.podinsights.storage;

import io.podinsights.insight.Insight;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Mined insights, and the ones a recipient has not been sent yet. */
public final class InsightRepository {
  private final Jdbi jdbi;

  public InsightRepository(Database db) {
    this.jdbi = db.jdbi();
  }

  /**
   * Saves an episode's insights (best first; {@code embeddings} parallel to them, or empty) and marks its insight
   * stage done, in one transaction. Running it twice keeps the first result: insights already sent stay as they were.
   */
  public void saveAndAdvance(long episodeId, List<Insight> insights, List<float[]> embeddings, Instant now) {
    if (!embeddings.isEmpty() && embeddings.size() != insights.size()) {
      throw new IllegalArgumentException("storage: " + insights.size() + " insights but " + embeddings.size()
          + " embeddings");
    }
    jdbi.useTransaction(h -> {
      for (int i = 0; i < insights.size(); i++) {
        Insight in = insights.get(i);
        h.createUpdate("insert into insights (episode_id, position, text, quote, speaker, start_ms, end_ms, score,"
                + " explain, ai_written, embedding, created_at) values (:episode, :position, :text, :quote,"
                + " :speaker, :start, :end, :score, :explain, :ai, :embedding, :now)"
                + " on conflict (episode_id, position) do nothing")
            .bind("episode", episodeId).bind("position", i).bind("text", in.text()).bind("quote", in.quote())
            .bind("speaker", in.speaker().orElse(null))
            .bind("start", in.start().toMillis()).bind("end", in.end().toMillis())
            .bind("score", in.score()).bind("explain", Json.scores(in.explain()))
            .bind("ai", in.aiWritten() ? 1 : 0)
            .bind("embedding", embeddings.isEmpty() ? null : bytes(embeddings.get(i)))
            .bind("now", now.toEpochMilli())
            .execute();
      }
      StageRepository.finish(h, episodeId, Stage.INSIGHTS, now);
    });
  }

  public List<StoredInsight> ofEpisode(long episodeId) {
    return jdbi.withHandle(h -> h.createQuery(SELECT + " where i.episode_id = :episode order by i.position")
        .bind("episode", episodeId).map((rs, ctx) -> row(rs)).list());
  }

  /** Insights mined since {@code since} that were never put in a digest for {@code recipient}. */
  public List<StoredInsight> notYetSent(String recipient, Instant since) {
    return jdbi.withHandle(h -> h.createQuery(SELECT + " where i.created_at >= :since and not exists ("
            + " select 1 from digest_items di join digests d on d.id = di.digest_id"
            + " where di.insight_id = i.id and d.recipient = :recipient)"
            + " order by i.score desc, i.id")
        .bind("since", since.toEpochMilli()).bind("recipient", recipient)
        .map((rs, ctx) -> row(rs)).list());
  }

  public int count() {
    return jdbi.withHandle(h -> h.createQuery("select count(*) from insights").mapTo(Integer.class).one());
  }

  private static final String SELECT = "select i.id, i.episode_id, e.feed_id, f.title as show_title,"
      + " e.title as episode_title, e.link as episode_link, e.enclosure_url, t.source as t_source,"
      + " t.engine as t_engine, i.text, i.quote, i.speaker, i.start_ms, i.end_ms, i.score, i.explain, i.ai_written,"
      + " i.embedding, i.created_at from insights i join episodes e on e.id = i.episode_id"
      + " join feeds f on f.id = e.feed_id left join transcripts t on t.episode_id = i.episode_id";

  private static StoredInsight row(ResultSet rs) throws SQLException {
    Insight insight = new Insight(
        rs.getString("text"),
        rs.getString("quote"),
        Optional.ofNullable(rs.getString("speaker")),
        Duration.ofMillis(rs.getLong("start_ms")),
        Duration.ofMillis(rs.getLong("end_ms")),
        rs.getDouble("score"),
        Json.scores(rs.getString("explain")),
        rs.getInt("ai_written") == 1);
    String provenance = "machine".equals(rs.getString("t_source"))
        ? "machine transcript, " + rs.getString("t_engine")
        : "publisher transcript";
    return new StoredInsight(
        rs.getLong("id"),
        rs.getLong("episode_id"),
        rs.getLong("feed_id"),
        rs.getString("show_title"),
        rs.getString("episode_title"),
        rs.getString("episode_link"),
        Optional.ofNullable(rs.getString("enclosure_url")),
        provenance,
        insight,
        floats(rs.getBytes("embedding")),
        Instant.ofEpochMilli(rs.getLong("created_at")));
  }

  static byte[] bytes(float[] v) {
    ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    b.asFloatBuffer().put(v);
    return b.array();
  }

  static float[] floats(byte[] b) {
    if (b == null) return new float[0];
    float[] v = new float[b.length / 4];
    ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
    return v;
  }
}
