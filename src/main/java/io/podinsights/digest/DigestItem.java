package io.podinsights.digest;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One insight as the reader sees it: the text, where it came from (show, episode, speaker), the moment to listen
 * from ({@code at}, and {@code momentUrl} = enclosure URL + {@code #t=SECONDS}), the episode page, whether a language
 * model wrote the text, and the transcript's provenance ("publisher transcript", "machine transcript, Vosk").
 * Fields hold raw feed text; renderers escape it.
 */
public record DigestItem(
    String insight,
    String show,
    String episode,
    Optional<String> speaker,
    Duration at,
    String momentUrl,
    Optional<String> episodePageUrl,
    boolean aiWritten,
    String provenance) {

  public DigestItem {
    if (insight == null || insight.isBlank()) throw new IllegalArgumentException("digest: item with empty insight text");
    show = Objects.requireNonNullElse(show, "");
    episode = Objects.requireNonNullElse(episode, "");
    speaker = Objects.requireNonNull(speaker, "digest: speaker").filter(s -> !s.isBlank());
    Objects.requireNonNull(at, "digest: at");
    if (at.isNegative()) throw new IllegalArgumentException("digest: negative moment " + at + " for insight '" + insight + "'");
    if (momentUrl == null || momentUrl.isBlank()) {
      throw new IllegalArgumentException("digest: item '" + insight + "' has no moment URL; the composer builds one from the enclosure");
    }
    episodePageUrl = Objects.requireNonNull(episodePageUrl, "digest: episodePageUrl").filter(s -> !s.isBlank());
    provenance = Objects.requireNonNullElse(provenance, "");
  }
}
