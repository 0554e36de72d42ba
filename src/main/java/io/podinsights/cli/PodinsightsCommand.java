package io.podinsights.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root command: {@code podinsights <verb>}. */
@Command(
    name = "podinsights",
    mixinStandardHelpOptions = true,
    version = "podinsights 0.1.0",
    description = "Scans the podcasts you follow, mines every new episode for insights, and sends you the top 5 each day.",
    subcommands = {CommandLine.HelpCommand.class})
public final class PodinsightsCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static CommandLine commandLine() {
    return new CommandLine(new PodinsightsCommand());
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
