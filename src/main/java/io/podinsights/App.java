package io.podinsights;

import io.podinsights.cli.PodinsightsCommand;
import picocli.CommandLine;

/** The main entry: runs the CLI. Everything is wired by hand from the commands; nothing is found by scanning. */
public final class App {
  private App() {}

  public static void main(String[] args) {
    System.exit(PodinsightsCommand.commandLine().execute(args));
  }
}
