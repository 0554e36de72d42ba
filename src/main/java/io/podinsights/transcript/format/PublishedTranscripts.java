package io.podinsights.transcript.format;

import io.podinsights.podcast.TranscriptLink;
import io.podinsights.transcript.Transcript;
import io.podinsights.transcript.TranscriptFormat;
import io.podinsights.transcript.TranscriptSource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads an episode's publisher transcript from its {@code podcast:transcript} links: best format first (JSON > VTT >
 * SRT > HTML > TEXT, by declared MIME type or URL extension, whichever ranks higher; unknown last; feed order among
 * equals; links in the feed's language before others when it is given), moving to the next link when one is unreachable, answers an error, is empty, cannot be parsed or has no
 * text. Does no HTTP itself: the caller's {@link TranscriptFetcher} downloads.
 */
public final class PublishedTranscripts {
  private final TranscriptFetcher fetcher;

  public PublishedTranscripts(TranscriptFetcher fetcher) {
    this.fetcher = Objects.requireNonNull(fetcher, "transcript: fetcher");
  }

  /** The links in the order {@link #read(List)} tries them. */
  public static List<TranscriptLink> inPreferenceOrder(List<TranscriptLink> links) {
    return inPreferenceOrder(links, Optional.empty());
  }

  /**
   * The links in the order {@link #read(List, Optional)} tries them: links in the wanted language first (a link without
   * a language is in the feed's language, as the spec says; "en" matches "en-US"), then by format.
   */
  public static List<TranscriptLink> inPreferenceOrder(List<TranscriptLink> links, Optional<String> language) {
    List<TranscriptLink> sorted = new ArrayList<>(links);
    Comparator<TranscriptLink> byLanguage = Comparator.comparingInt(l -> language.map(want -> speaks(l, want) ? 0 : 1).orElse(0));
    sorted.sort(byLanguage.thenComparingInt(PublishedTranscripts::rank));
    return sorted;
  }

  private static boolean speaks(TranscriptLink link, String language) {
    if (link.language().isBlank() || language.isBlank()) return true;
    return primary(link.language()).equals(primary(language));
  }

  private static String primary(String tag) {
    return tag.strip().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
  }

  /** The best format a link claims to be, by MIME type or URL extension; empty when neither says. */
  public static Optional<TranscriptFormat> claimedFormat(TranscriptLink link) {
    Optional<TranscriptFormat> byType = TranscriptFormats.fromMimeType(link.type());
    Optional<TranscriptFormat> byName = TranscriptFormats.fromName(link.url());
    if (byType.isPresent() && byName.isPresent()) {
      return Optional.of(byType.get().ordinal() <= byName.get().ordinal() ? byType.get() : byName.get());
    }
    return byType.or(() -> byName);
  }

  /**
   * The feed's declared type and the URL extension; the served Content-Type only when neither names a format, since
   * an error page served as text/html must not make HTML acceptable for a .json link.
   */
  private static List<Optional<TranscriptFormat>> hints(TranscriptLink link, FetchedBody.Fetched body) {
    Optional<TranscriptFormat> declared = TranscriptFormats.fromMimeType(link.type());
    Optional<TranscriptFormat> byName = TranscriptFormats.fromName(link.url());
    if (declared.isEmpty() && byName.isEmpty()) return List.of(body.contentType().flatMap(TranscriptFormats::fromMimeType));
    return List.of(declared, byName);
  }

  private static int rank(TranscriptLink link) {
    return claimedFormat(link).map(Enum::ordinal).orElse(TranscriptFormat.values().length);
  }

  /** Reads the best of {@code links}, whatever their language. */
  public PublishedTranscript read(List<TranscriptLink> links) {
    return read(links, Optional.empty());
  }

  /** Reads the best of {@code links}, trying those in {@code language} (the feed's, e.g. "en") first. */
  public PublishedTranscript read(List<TranscriptLink> links, Optional<String> language) {
    List<PublishedTranscript.Attempt> attempts = new ArrayList<>();
    for (TranscriptLink link : inPreferenceOrder(links, language)) {
      FetchedBody fetched;
      try {
        fetched = fetcher.fetch(link);
      } catch (IOException e) {
        attempts.add(new PublishedTranscript.Attempt(link, "unreachable: " + Optional.ofNullable(e.getMessage()).orElse(e.getClass().getSimpleName())));
        continue;
      }
      switch (fetched) {
        case FetchedBody.Failed failed -> attempts.add(new PublishedTranscript.Attempt(link, failed.reason()));
        case FetchedBody.Fetched body -> {
          try {
            Transcript transcript = TranscriptFormats.parse(body.body(), hints(link, body), link.url(),
                format -> new TranscriptSource.Published(link.url(), format));
            return new PublishedTranscript.Found(transcript, attempts);
          } catch (TranscriptParseException e) {
            attempts.add(new PublishedTranscript.Attempt(link, e.getMessage().substring("transcript: ".length())));
          }
        }
      }
    }
    return new PublishedTranscript.Missing(attempts);
  }
}
