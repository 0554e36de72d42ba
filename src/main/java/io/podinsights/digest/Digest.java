package io.podinsights.digest;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One recipient's digest for one day, items best first. An empty digest renders as "No new insights today", but the
 * pipeline does not send it ({@link #isEmpty()}).
 */
public record Digest(String recipient, LocalDate date, List<DigestItem> items) {

  public Digest {
    if (recipient == null || recipient.isBlank()) throw new IllegalArgumentException("digest: empty recipient");
    Objects.requireNonNull(date, "digest: date");
    items = List.copyOf(items);
  }

  public boolean isEmpty() {
    return items.isEmpty();
  }

  /** How many distinct shows the items come from. */
  public long showCount() {
    return items.stream().map(DigestItem::show).distinct().count();
  }
}
