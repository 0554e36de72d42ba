package io.podinsights.cli;

import io.podinsights.config.ConfigException;
import io.podinsights.storage.StorageException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root command: {@code podinsights <verb>}. */
@Command(
    name = "podinsights",
    mixinStandardHelpOptions = true,
    version = "podinsights 0.1.0",
    description = {
      "Scans the podcasts you follow, mines every new episode for insights, and sends you the top 5 each day.",
      "",
      "Start with: podinsights demo    (an offline tour on a built-in podcast)"
    },
    subcommands = {
      DemoCommand.class,
      AddCommand.class,
      ImportCommand.class,
      ExportCommand.class,
      ListCommand.class,
      RemoveCommand.class,
      ScanCommand.class,
      ProcessCommand.class,
      DigestCommand.class,
      RunCommand.class,
      StatusCommand.class,
      TranscribeCommand.class,
      InsightsCommand.class,
      FeedCommand.class,
      TranscriptCommand.class,
      EvalCommand.class,
      ConfigCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = {"", "Exit codes: 0 ok, 1 failure, 2 bad usage. Docs: README.md"})
public final class PodinsightsCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new PodinsightsCommand());
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      commandLine.getErr().println(message(e));
      if (System.getenv("PODINSIGHTS_DEBUG") != null) e.printStackTrace(commandLine.getErr());
      return 1;
    });
    return cli;
  }

  /** Known failures speak for themselves; anything else gets the step-less prefix and its type. */
  static String message(Exception e) {
    if (e instanceof ConfigException || e instanceof StorageException) return e.getMessage();
    String m = e.getMessage();
    if (m != null && m.matches("^[a-z][a-z -]*: .*")) return m;
    return "podinsights: " + e.getClass().getSimpleName() + (m == null ? "" : ": " + m)
        + " (run with PODINSIGHTS_DEBUG=1 for details)";
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
