package io.podinsights.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the podinsights CLI in the test's JVM and returns what it printed, asserting its exit code. */
public final class Cli {
  private Cli() {}

  public static String run(String... args) {
    return runExpecting(0, args);
  }

  /** Runs the CLI, asserting its exit code; returns standard output and standard error together. */
  public static String runExpecting(int expectedExit, String... args) {
    PrintStream originalOut = System.out;
    PrintStream originalErr = System.err;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    int exit;
    try (PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
      System.setOut(capture);
      System.setErr(capture);
      exit = PodinsightsCommand.commandLine().execute(args);
    } finally {
      System.setOut(originalOut);
      System.setErr(originalErr);
    }
    String out = buffer.toString(StandardCharsets.UTF_8);
    assertThat(exit).as(out).isEqualTo(expectedExit);
    return out;
  }
}
