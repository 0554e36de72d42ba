package io.podinsights.pipeline;

import io.podinsights.digest.Digest;
import io.podinsights.digest.DigestComposer;
import io.podinsights.digest.DigestFileWriter;
import io.podinsights.digest.DigestRenderer;
import io.podinsights.digest.FooterLinks;
import io.podinsights.digest.Mailer;
import io.podinsights.digest.OutgoingMail;
import io.podinsights.digest.RenderedDigest;
import io.podinsights.digest.SendResult;
import io.podinsights.insight.InsightMerger;
import io.podinsights.podcast.Show;
import io.podinsights.ranking.Candidate;
import io.podinsights.ranking.RankRequest;
import io.podinsights.ranking.Ranked;
import io.podinsights.ranking.Ranker;
import io.podinsights.storage.DigestRepository;
import io.podinsights.storage.DigestRow;
import io.podinsights.storage.EpisodeRepository;
import io.podinsights.storage.InsightRepository;
import io.podinsights.storage.NewDigest;
import io.podinsights.storage.StoredInsight;
import io.podinsights.storage.TranscriptRepository;
import io.podinsights.transcript.TranscriptSource;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds each day's digest (the top insights not sent before, ranked and rendered) into the outbox, and delivers what
 * the outbox holds: by e-mail when SMTP is set, else by writing it to the data directory. A day's digest is built once
 * (one outbox row per recipient and day) and marked sent only after the mail server accepted it.
 */
public final class DigestService {
  private static final Logger LOG = LoggerFactory.getLogger(DigestService.class);
  private static final Duration LOOKBACK = Duration.ofDays(14);

  private final InsightRepository insights;
  private final EpisodeRepository episodes;
  private final TranscriptRepository transcripts;
  private final DigestRepository digests;
  private final Ranker ranker;
  private final DigestRenderer renderer;
  private final Optional<Mailer> mailer;
  private final DigestSettings settings;
  private final InstantSource clock;

  public DigestService(InsightRepository insights, EpisodeRepository episodes, TranscriptRepository transcripts,
      DigestRepository digests, Ranker ranker, DigestRenderer renderer, Optional<Mailer> mailer,
      DigestSettings settings, InstantSource clock) {
    this.insights = insights;
    this.episodes = episodes;
    this.transcripts = transcripts;
    this.digests = digests;
    this.ranker = ranker;
    this.renderer = renderer;
    this.mailer = mailer;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * The scheduler's entry: once the local time has passed {@code digest.time}, builds today's digest if it is not
   * built yet, then delivers every digest waiting in the outbox. A day missed while nothing ran is not made up for:
   * its insights are still unsent and compete for the next digest.
   */
  public List<Delivery> runDue() {
    ZonedDateTime now = clock.instant().atZone(settings.zone());
    LocalDate today = now.toLocalDate();
    if (!now.toLocalTime().isBefore(settings.time()) && digests.find(settings.recipient(), today).isEmpty()) {
      build(today);
    }
    return deliverPending();
  }

  /** Today's date where the recipient lives. */
  public LocalDate today() {
    return clock.instant().atZone(settings.zone()).toLocalDate();
  }

  /** The digest {@code day} would get now, without storing or sending anything. */
  public RenderedDigest preview(LocalDate day) {
    return renderer.render(compose(day).digest(), FooterLinks.NONE);
  }

  /**
   * Puts the digest for {@code day} in the outbox (and a copy in {@code digests/} of the data directory), unless that
   * day already has one, which is returned unchanged. Empty when there is nothing new to send.
   */
  public Optional<DigestRow> build(LocalDate day) {
    Optional<DigestRow> existing = digests.find(settings.recipient(), day);
    if (existing.isPresent()) return existing;
    Composed composed = compose(day);
    if (composed.digest().isEmpty()) return Optional.empty();
    RenderedDigest rendered = renderer.render(composed.digest(), FooterLinks.NONE);
    String messageId = OutgoingMail.digestMessageId(settings.recipient(), day, settings.messageIdDomain());
    DigestRow row = digests.createIfAbsent(new NewDigest(settings.recipient(), day, rendered.subject(),
        rendered.html(), rendered.text(), messageId, composed.insightIds()), clock.instant());
    if (row.html().equals(rendered.html())) {
      try {
        new DigestFileWriter().write(settings.directory(), rendered);
      } catch (IOException e) {
        LOG.warn("step=digest dir={} error=\"can't write a copy: {}\"", settings.directory(), e.getMessage());
      }
    }
    return Optional.of(row);
  }

  /** A composed digest and the ids of the insights in it, in order. */
  private record Composed(Digest digest, List<Long> insightIds) {}

  private Composed compose(LocalDate day) {
    List<DigestComposer.Pick> composed = new ArrayList<>();
    List<Long> ids = new ArrayList<>();
    for (InsightMerger.Group<StoredInsight> group : rank()) {
      StoredInsight head = group.representative();
      List<StoredInsight> others = group.members().stream().filter(m -> m != head).toList();
      List<DigestComposer.Pick> sameIdea = others.stream().map(this::pick).flatMap(Optional::stream).toList();
      Optional<DigestComposer.Pick> pick = pick(head);
      if (pick.isEmpty()) continue;
      composed.add(new DigestComposer.Pick(pick.get().insight(), pick.get().show(), pick.get().episode(),
          pick.get().source(), sameIdea));
      ids.add(head.id());
      others.forEach(o -> ids.add(o.id()));
    }
    Digest digest = new DigestComposer().compose(new DigestComposer.ComposeRequest(settings.recipient(), day, composed));
    return new Composed(digest, ids);
  }

  private Optional<DigestComposer.Pick> pick(StoredInsight s) {
    return episodes.byId(s.episodeId()).map(episode -> new DigestComposer.Pick(s.insight(),
        new Show(s.showTitle(), "", "", "", "", "", List.of()), episode.episode(),
        transcripts.source(s.episodeId()).orElse(new TranscriptSource.Transcribed("unknown", ""))));
  }

  /**
   * Today's picks: unsent insights merged where they say the same thing (several episodes, one item), the merged
   * groups ranked by their best member, the top {@code digest.size} kept.
   */
  private List<InsightMerger.Group<StoredInsight>> rank() {
    Instant now = clock.instant();
    List<StoredInsight> unsent = insights.notYetSent(settings.recipient(), now.minus(LOOKBACK));
    List<InsightMerger.Group<StoredInsight>> groups = InsightMerger.merge(unsent.stream()
        .map(s -> new InsightMerger.Item<>(s, s.embedding(), s.insight().score())).toList(),
        InsightMerger.DEFAULT_THRESHOLD);
    Map<Long, InsightMerger.Group<StoredInsight>> byId = new java.util.HashMap<>();
    List<Candidate> candidates = new ArrayList<>();
    for (InsightMerger.Group<StoredInsight> g : groups) {
      StoredInsight s = g.representative();
      byId.put(s.id(), g);
      candidates.add(new Candidate(s.id(), "feed-" + s.feedId(), "episode-" + s.episodeId(),
          Math.max(0, s.insight().score()), s.createdAt(), s.embedding()));
    }
    List<Ranked> ranked = ranker.rank(new RankRequest(candidates, Set.of()));
    return ranked.stream().limit(settings.size()).map(r -> byId.get(r.candidate().insightId())).toList();
  }

  /** Sends (or, without SMTP, files) every digest waiting in the outbox whose time has come. */
  public List<Delivery> deliverPending() {
    List<Delivery> deliveries = new ArrayList<>();
    for (DigestRow row : digests.dueToSend(clock.instant())) {
      deliveries.add(deliver(row));
    }
    return deliveries;
  }

  private Delivery deliver(DigestRow row) {
    Instant now = clock.instant();
    if (mailer.isEmpty()) {
      digests.markSent(row.id(), now);
      return new Delivery(row.period(), row.recipient(), Delivery.Result.FILED,
          "written to " + settings.directory().resolve("digest-" + row.period() + ".html"));
    }
    SendResult result = mailer.get().send(new OutgoingMail(row.recipient(), row.subject(), row.text(), row.html(),
        row.messageId(), Map.of()));
    return switch (result) {
      case SendResult.Accepted a -> {
        digests.markSent(row.id(), now);
        yield new Delivery(row.period(), row.recipient(), Delivery.Result.SENT, "accepted: " + a.serverReply());
      }
      case SendResult.Transient t -> {
        Instant retry = now.plus(Duration.ofMinutes(5).multipliedBy(1L << Math.min(row.attempts(), 8)));
        digests.markFailed(row.id(), "smtp: " + t.reason(), Optional.of(retry), now);
        yield new Delivery(row.period(), row.recipient(), Delivery.Result.RETRY,
            t.reason() + "; will retry at " + retry);
      }
      case SendResult.Permanent p -> {
        digests.markFailed(row.id(), "smtp: " + p.reason(), Optional.empty(), now);
        yield new Delivery(row.period(), row.recipient(), Delivery.Result.FAILED, p.reason());
      }
      case SendResult.Misconfigured m -> {
        digests.markFailed(row.id(), "smtp: " + m.reason() + " (check smtp.* settings)",
            Optional.of(now.plus(Duration.ofHours(1))), now);
        yield new Delivery(row.period(), row.recipient(), Delivery.Result.RETRY,
            m.reason() + "; check the smtp.* settings; will retry in 1 h");
      }
    };
  }

  /** Who gets the digest, when, how many items, where copies go, and the Message-ID domain. */
  public record DigestSettings(String recipient, ZoneId zone, LocalTime time, int size, Path directory,
      String messageIdDomain) {}

  /** What delivering one digest did. */
  public record Delivery(LocalDate period, String recipient, Result result, String message) {
    /** Sent by mail, filed locally (no SMTP), to be retried, or failed for good. */
    public enum Result { SENT, FILED, RETRY, FAILED }
  }
}
