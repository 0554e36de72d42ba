package io.podinsights.digest;

import io.podinsights.insight.Insight;
import io.podinsights.podcast.Enclosure;
import io.podinsights.podcast.Episode;
import io.podinsights.podcast.Show;
import io.podinsights.transcript.TranscriptSource;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Builds a {@code Digest} from ranked insights and the show, episode and transcript source each came from. */
public final class DigestComposer {

  /** One ranked insight with what the pipeline loaded for it. */
  public record Pick(Insight insight, Show show, Episode episode, TranscriptSource source, List<Pick> sameIdea) {
    public Pick {
      Objects.requireNonNull(insight, "digest: insight");
      Objects.requireNonNull(show, "digest: show");
      Objects.requireNonNull(episode, "digest: episode");
      Objects.requireNonNull(source, "digest: source");
      sameIdea = List.copyOf(sameIdea);
    }

    /** A pick said in one place only. */
    public Pick(Insight insight, Show show, Episode episode, TranscriptSource source) {
      this(insight, show, episode, source, List.of());
    }
  }

  /** Who the digest is for, which day, and the picks in ranked order. */
  public record ComposeRequest(String recipient, LocalDate date, List<Pick> picks) {
    public ComposeRequest {
      picks = List.copyOf(picks);
    }
  }

  public Digest compose(ComposeRequest request) {
    return new Digest(request.recipient(), request.date(), request.picks().stream().map(this::item).toList());
  }

  /**
   * The item for one pick. The moment URL is the enclosure URL with a media fragment ({@code #t=754}); an episode
   * without an enclosure falls back to its page, then the show's page.
   */
  public DigestItem item(Pick pick) {
    Insight insight = pick.insight();
    Episode episode = pick.episode();
    return new DigestItem(
        insight.text(),
        pick.show().title(),
        episode.title(),
        insight.speaker(),
        insight.start(),
        moment(pick),
        nonBlank(episode.link()),
        insight.aiWritten(),
        pick.source().describe(),
        pick.sameIdea().stream()
            .map(p -> new DigestItem.Source(p.show().title(), p.episode().title(), p.insight().start(), moment(p)))
            .toList());
  }

  private static String moment(Pick pick) {
    Episode episode = pick.episode();
    String base = episode.enclosure().map(Enclosure::url)
        .or(() -> nonBlank(episode.link()))
        .or(() -> nonBlank(pick.show().link()))
        .orElseThrow(() -> new IllegalArgumentException("digest: episode '" + episode.guid()
            + "' has no enclosure, page or show link to point the listener at; skip this insight"));
    int hash = base.indexOf('#');
    return (hash >= 0 ? base.substring(0, hash) : base) + "#t=" + pick.insight().start().toSeconds();
  }

  private static Optional<String> nonBlank(String s) {
    return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.strip());
  }
}
