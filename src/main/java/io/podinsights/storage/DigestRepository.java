package io.podinsights.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The digest outbox: one row per recipient and day (a unique key, so two workers building the same digest make one
 * row), its items written in the same transaction, marked sent only after the mail server accepted it.
 */
public final class DigestRepository {
  private static final String COLUMNS = "id, recipient, period, status, subject, html, body_text, message_id,"
      + " attempts, last_error, next_attempt_at, sent_at";
  private final Jdbi jdbi;

  public DigestRepository(Database db) {
    this.jdbi = db.jdbi();
  }

  /** Puts the digest in the outbox unless one exists for that recipient and day; returns the stored one. */
  public DigestRow createIfAbsent(NewDigest d, Instant now) {
    return jdbi.inTransaction(h -> {
      Optional<Long> id = h.createQuery("insert into digests (recipient, period, status, subject, html, body_text,"
              + " message_id, next_attempt_at, created_at) values (:recipient, :period, 'pending', :subject, :html,"
              + " :text, :messageId, :now, :now) on conflict (recipient, period) do nothing returning id")
          .bind("recipient", d.recipient()).bind("period", d.period().toString()).bind("subject", d.subject())
          .bind("html", d.html()).bind("text", d.text()).bind("messageId", d.messageId())
          .bind("now", now.toEpochMilli())
          .mapTo(Long.class).findOne();
      if (id.isPresent()) {
        for (int i = 0; i < d.insightIds().size(); i++) {
          h.createUpdate("insert into digest_items (digest_id, position, insight_id) values (:d, :p, :i)")
              .bind("d", id.get()).bind("p", i).bind("i", d.insightIds().get(i)).execute();
        }
      }
      return find(h, d.recipient(), d.period()).orElseThrow();
    });
  }

  public Optional<DigestRow> find(String recipient, LocalDate period) {
    return jdbi.withHandle(h -> find(h, recipient, period));
  }

  private static Optional<DigestRow> find(Handle h, String recipient, LocalDate period) {
    return h.createQuery("select " + COLUMNS + " from digests where recipient = :recipient and period = :period")
        .bind("recipient", recipient).bind("period", period.toString())
        .map((rs, ctx) -> row(h, rs)).findOne();
  }

  /** Digests waiting to be sent whose next attempt has come. */
  public List<DigestRow> dueToSend(Instant now) {
    return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from digests where status = 'pending'"
            + " and next_attempt_at <= :now order by period, id")
        .bind("now", now.toEpochMilli()).map((rs, ctx) -> row(h, rs)).list());
  }

  /** The latest day a digest was made for {@code recipient}. */
  public Optional<LocalDate> lastPeriod(String recipient) {
    return jdbi.withHandle(h -> h.createQuery("select max(period) from digests where recipient = :recipient")
        .bind("recipient", recipient).mapTo(String.class).findOne().map(LocalDate::parse));
  }

  public void markSent(long id, Instant now) {
    jdbi.useHandle(h -> h.createUpdate("update digests set status = 'sent', sent_at = :now, last_error = null,"
            + " attempts = attempts + 1 where id = :id and status = 'pending'")
        .bind("now", now.toEpochMilli()).bind("id", id).execute());
  }

  /** Records a failed send: retried at {@code retryAt}, or abandoned when it is empty (a permanent failure). */
  public void markFailed(long id, String error, Optional<Instant> retryAt, Instant now) {
    jdbi.useHandle(h -> h.createUpdate("update digests set status = :status, last_error = :error,"
            + " attempts = attempts + 1, next_attempt_at = :retry where id = :id and status = 'pending'")
        .bind("status", retryAt.isPresent() ? "pending" : "abandoned").bind("error", error)
        .bind("retry", retryAt.orElse(now).toEpochMilli()).bind("id", id).execute());
  }

  private static DigestRow row(Handle h, ResultSet rs) throws SQLException {
    long id = rs.getLong("id");
    List<Long> items = h.createQuery("select insight_id from digest_items where digest_id = :id order by position")
        .bind("id", id).mapTo(Long.class).list();
    return new DigestRow(
        id,
        rs.getString("recipient"),
        LocalDate.parse(rs.getString("period")),
        DigestStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
        rs.getString("subject"),
        rs.getString("html"),
        rs.getString("body_text"),
        rs.getString("message_id"),
        rs.getInt("attempts"),
        Optional.ofNullable(rs.getString("last_error")),
        Instant.ofEpochMilli(rs.getLong("next_attempt_at")),
        Rows.instant(rs, "sent_at"),
        items);
  }
}
