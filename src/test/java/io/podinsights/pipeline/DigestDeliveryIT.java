package io.podinsights.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.podinsights.App;
import io.podinsights.config.Config;
import io.podinsights.config.Keys;
import io.podinsights.insight.Insight;
import io.podinsights.podcast.Enclosure;
import io.podinsights.podcast.Episode;
import io.podinsights.podcast.Show;
import io.podinsights.storage.DigestRow;
import io.podinsights.storage.DigestStatus;
import io.podinsights.storage.FeedPollOutcome;
import io.podinsights.storage.Stage;
import io.podinsights.transcript.Segment;
import io.podinsights.transcript.Transcript;
import io.podinsights.transcript.TranscriptFormat;
import io.podinsights.transcript.TranscriptSource;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Digests go out by real SMTP (GreenMail in process): once per day, retried after a failure, never twice. */
class DigestDeliveryIT {
  private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

  @TempDir Path dir;

  @Test
  void a_digest_is_mailed_once_and_a_relay_outage_delays_it_without_losing_it() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    ServerSetup smtp = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    MutableClock clock = new MutableClock(T0);
    Config config = Config.defaults().with(Map.of(
        Keys.DATA_DIR, dir.toString(),
        Keys.DIGEST_ZONE, "UTC",
        Keys.DIGEST_RECIPIENT, "reader@example.com",
        Keys.SMTP_HOST, "127.0.0.1",
        Keys.SMTP_PORT, String.valueOf(port),
        Keys.SMTP_STARTTLS, "none"));
    try (App app = App.open(config, clock)) {
      seedInsights(app, 7);

      app.digestService().runDue();
      DigestRow pending = app.digests().find("reader@example.com", LocalDate.of(2026, 11, 23)).orElseThrow();
      assertThat(pending.status()).isEqualTo(DigestStatus.PENDING);
      assertThat(pending.lastError()).hasValueSatisfying(e -> assertThat(e).startsWith("smtp:"));
      assertThat(pending.insightIds()).hasSize(5);

      GreenMail mail = new GreenMail(smtp);
      mail.start();
      try {
        app.digestService().runDue();
        assertThat(mail.getReceivedMessages()).as("not due again yet").isEmpty();

        clock.advance(Duration.ofMinutes(10));
        app.digestService().runDue();
        app.digestService().runDue();
        MimeMessage[] received = mail.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo("Your podcast insights for Mon 23 Nov");
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("reader@example.com");
        assertThat(received[0].getMessageID()).isEqualTo(pending.messageId());
        assertThat(app.digests().find("reader@example.com", LocalDate.of(2026, 11, 23)).orElseThrow().status())
            .isEqualTo(DigestStatus.SENT);

        clock.advance(Duration.ofDays(1));
        app.digestService().runDue();
        assertThat(mail.getReceivedMessages()).hasSize(2);
        DigestRow next = app.digests().find("reader@example.com", LocalDate.of(2026, 11, 24)).orElseThrow();
        assertThat(next.insightIds()).hasSize(2).doesNotContainAnyElementsOf(pending.insightIds());

        clock.advance(Duration.ofDays(1));
        app.digestService().runDue();
        assertThat(mail.getReceivedMessages()).as("nothing new, nothing sent").hasSize(2);
      } finally {
        mail.stop();
      }
    }
  }

  /** Stores {@code count} insights from as many episodes of one show, as if the pipeline had mined them. */
  private static void seedInsights(App app, int count) {
    long feed = app.feeds().add("https://example.com/feed.xml", T0).feedId();
    Show show = new Show("The Long Game", "https://example.com", "", "", "", "en", List.of());
    List<Episode> episodes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      episodes.add(new Episode("ep-" + i, "Episode " + i, "https://example.com/ep/" + i, "", Optional.of(T0),
          Optional.of(new Enclosure("https://example.com/ep" + i + ".mp3", "audio/mpeg", 1000)), Optional.empty(),
          List.of(), List.of(), Optional.empty(), Optional.empty()));
    }
    List<Long> ids = app.episodes().addNew(feed, episodes, new FeedPollOutcome.Fetched(show, Optional.empty(),
        Optional.empty(), Optional.empty(), T0, T0.plusSeconds(3600)), Stage.TRANSCRIPT,
        Set.copyOf(episodes.stream().map(Episode::guid).toList()));
    for (int i = 0; i < ids.size(); i++) {
      Transcript t = new Transcript(List.of(Segment.of(0, 30, "Host", "Lesson number " + i + ".")),
          new TranscriptSource.Published("https://example.com/t" + i + ".json", TranscriptFormat.JSON));
      app.transcripts().saveAndAdvance(ids.get(i), t, T0);
      Insight insight = new Insight("Lesson number " + i + " is worth acting on this week.", "Lesson number " + i,
          Optional.of("Host"), Duration.ofSeconds(10L * i), Duration.ofSeconds(10L * i + 8), 0.9 - i * 0.05,
          Map.of(), false);
      app.insights().saveAndAdvance(ids.get(i), List.of(insight), List.of(), T0);
    }
  }
}
