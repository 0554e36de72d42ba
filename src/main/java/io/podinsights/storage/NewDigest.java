package io.podinsights.storage;

import java.time.LocalDate;
import java.util.List;

/** A composed digest to put in the outbox. */
public record NewDigest(
    String recipient, LocalDate period, String subject, String html, String text, String messageId,
    List<Long> insightIds) {
  public NewDigest {
    if (recipient.isBlank()) throw new IllegalArgumentException("digest: empty recipient");
    insightIds = List.copyOf(insightIds);
  }
}
