package io.podinsights.feed.parse;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Channel facts from the itunes: and podcast: namespaces that the shared {@code Show} record does not carry.
 * {@code blocked} = itunes:block or podcast:block yes; {@code locked} = podcast:locked yes (do not import elsewhere).
 */
public record ShowExtras(
    Optional<String> podcastGuid,
    boolean blocked,
    boolean locked,
    Optional<String> lockOwner,
    List<String> fundingUrls,
    Optional<String> nextPageUrl,
    String itunesType,
    Optional<Boolean> explicit) {

  public static final ShowExtras NONE =
      new ShowExtras(Optional.empty(), false, false, Optional.empty(), List.of(), Optional.empty(), "", Optional.empty());

  public ShowExtras {
    Objects.requireNonNull(podcastGuid);
    Objects.requireNonNull(lockOwner);
    fundingUrls = List.copyOf(fundingUrls);
    Objects.requireNonNull(nextPageUrl);
    itunesType = Objects.requireNonNullElse(itunesType, "");
    Objects.requireNonNull(explicit);
  }
}
