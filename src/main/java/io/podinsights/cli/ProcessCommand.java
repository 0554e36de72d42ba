package io.podinsights.cli;

import io.podinsights.App;
import io.podinsights.pipeline.ProcessReport;
import io.podinsights.pipeline.StageEvent;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code podinsights process}: run the pending pipeline stages now (transcripts, then insights). */
@Command(name = "process", description = "Get transcripts and mine insights for the episodes waiting now.",
    mixinStandardHelpOptions = true)
final class ProcessCommand implements Callable<Integer> {
  @Mixin AppOptions options;

  @Option(names = "--retry", description = "Also retry failed and given-up episodes now.")
  boolean retry;

  @Override
  public Integer call() {
    try (App app = options.open()) {
      if (retry) System.out.println("Retrying " + app.stages().retryFailed(app.clock().instant()) + " stages.");
      ProcessReport report = process(app);
      return report.count(StageEvent.Result.GAVE_UP) > 0 ? 1 : 0;
    }
  }

  static ProcessReport process(App app) {
    ProcessReport report = app.processor().processDue(ProcessCommand::print);
    if (report.events().isEmpty()) {
      System.out.println("Nothing to process: every episode is up to date.");
    } else {
      System.out.printf("Processed %d steps: %d done, %d to retry later, %d gave up.%n", report.events().size(),
          report.count(StageEvent.Result.DONE), report.count(StageEvent.Result.RETRY),
          report.count(StageEvent.Result.GAVE_UP));
    }
    return report;
  }

  private static void print(StageEvent e) {
    String mark = switch (e.result()) {
      case DONE -> "✓";
      case RETRY -> "↻";
      case GAVE_UP -> "✗";
    };
    System.out.printf("%s %-10s %s — %s: %s%n", mark, e.row().stage().name().toLowerCase(java.util.Locale.ROOT),
        e.row().showTitle(), e.row().episodeTitle(), e.message());
  }
}
