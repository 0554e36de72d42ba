package io.podinsights.cli;

import io.podinsights.App;
import io.podinsights.digest.RenderedDigest;
import io.podinsights.pipeline.DigestService;
import io.podinsights.storage.DigestRow;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code podinsights digest}: build today's top insights now, show them, and send them when SMTP is set. */
@Command(name = "digest", description = {
    "Build today's digest of your top insights now, show it, and send it.",
    "It is written to DATA/digests/ as HTML and text, and e-mailed to digest.recipient when smtp.host is set.",
    "A day's digest is built and sent once; insights already sent never come back."},
    mixinStandardHelpOptions = true)
final class DigestCommand implements Callable<Integer> {
  @Mixin AppOptions options;

  @Option(names = "--dry-run", description = "Show what today's digest would hold; store and send nothing.")
  boolean dryRun;

  @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "The day (default: today in digest.zone).")
  LocalDate date;

  @Override
  public Integer call() {
    try (App app = options.open()) {
      return run(app, Optional.ofNullable(date), dryRun);
    }
  }

  static int run(App app, Optional<LocalDate> day, boolean dryRun) {
    DigestService service = app.digestService();
    LocalDate period = day.orElseGet(service::today);
    if (dryRun) {
      RenderedDigest preview = service.preview(period);
      System.out.println(preview.text());
      return 0;
    }
    Optional<DigestRow> built = service.build(period);
    if (built.isEmpty()) {
      System.out.println("No new insights since your last digest. Try again after 'podinsights scan' and "
          + "'podinsights process'.");
      return 0;
    }
    System.out.println(built.get().text());
    List<DigestService.Delivery> deliveries = service.deliverPending();
    for (DigestService.Delivery d : deliveries) {
      String verb = switch (d.result()) {
        case SENT -> "Sent the " + d.period() + " digest to " + d.recipient();
        case FILED -> "Saved the " + d.period() + " digest";
        case RETRY -> "Could not send the " + d.period() + " digest yet";
        case FAILED -> "Could not send the " + d.period() + " digest";
      };
      System.out.println(verb + ": " + d.message());
    }
    System.out.println("HTML: " + app.config().dataDir().resolve("digests").resolve("digest-" + period + ".html"));
    return deliveries.stream().anyMatch(d -> d.result() == DigestService.Delivery.Result.FAILED) ? 1 : 0;
  }
}
