package io.podinsights.bench;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Locale;

/**
 * Runs benchmarks by name: {@code ./build bench parse} runs {@code ParseBench.main}. Each benchmark is a class named
 * {@code <Name>Bench} in this package with a {@code main(String[])}; it prints its figures and ratios against the peer
 * it names, measured in the same run.
 */
public final class Bench {
  private Bench() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      System.err.println("usage: ./build bench NAME [ARGS…]   (NAME: parse, poll, stt, insights)");
      System.exit(2);
    }
    String name = args[0].substring(0, 1).toUpperCase(Locale.ROOT) + args[0].substring(1);
    Class<?> bench;
    try {
      bench = Class.forName("io.podinsights.bench." + name + "Bench");
    } catch (ClassNotFoundException e) {
      System.err.println("bench: no benchmark named '" + args[0] + "'");
      System.exit(2);
      return;
    }
    Method main = bench.getMethod("main", String[].class);
    main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
  }
}
