package io.podinsights.storage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** A digest in the outbox: for whom and which day, its rendered mail, its items, and its delivery state. */
public record DigestRow(
    long id,
    String recipient,
    LocalDate period,
    DigestStatus status,
    String subject,
    String html,
    String text,
    String messageId,
    int attempts,
    Optional<String> lastError,
    Instant nextAttemptAt,
    Optional<Instant> sentAt,
    List<Long> insightIds) {}
