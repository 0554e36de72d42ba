package io.podinsights.digest;

import java.time.Duration;
import java.util.List;
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
    String provenance,
    List<Source> alsoSaidIn) {

  /** Another episode where the same insight was said (near-identical insights are merged into one item). */
  public record Source(String show, String episode, Duration at, String momentUrl) {
    public Source {
      show = Objects.requireNonNullElse(show, "");
      episode = Objects.requireNonNullElse(episode, "");
      Objects.requireNonNull(at, "digest: source time");
      Objects.requireNonNull(momentUrl, "digest: source moment URL");
    }
  }

  /** An item said in one place only. */
  public DigestItem(String insight, String show, String episode, Optional<String> speaker, Duration at,
      String momentUrl, Optional<String> episodePageUrl, boolean aiWritten, String provenance) {
    this(insight, show, episode, speaker, at, momentUrl, episodePageUrl, aiWritten, provenance, List.of());
  }

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
    alsoSaidIn = List.copyOf(alsoSaidIn);
  }
}
