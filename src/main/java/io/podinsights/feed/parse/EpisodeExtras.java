package io.podinsights.feed.parse;

import io.podinsights.podcast.Enclosure;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Item facts the shared {@code Episode} record does not carry: podcast:chapters URL, episode art, soundbites,
 * every enclosure seen (the record keeps the chosen one), itunes:episodeType, blocked and explicit flags.
 */
public record EpisodeExtras(
    Optional<String> chaptersUrl,
    Optional<String> imageUrl,
    List<Soundbite> soundbites,
    List<Enclosure> allEnclosures,
    String episodeType,
    boolean blocked,
    Optional<Boolean> explicit) {

  public static final EpisodeExtras NONE =
      new EpisodeExtras(Optional.empty(), Optional.empty(), List.of(), List.of(), "", false, Optional.empty());

  public EpisodeExtras {
    Objects.requireNonNull(chaptersUrl);
    Objects.requireNonNull(imageUrl);
    soundbites = List.copyOf(soundbites);
    allEnclosures = List.copyOf(allEnclosures);
    episodeType = Objects.requireNonNullElse(episodeType, "");
    Objects.requireNonNull(explicit);
  }
}
