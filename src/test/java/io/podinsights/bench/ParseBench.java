package io.podinsights.bench;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import io.podinsights.feed.parse.FeedInput;
import io.podinsights.feed.parse.FeedParser;
import io.podinsights.feed.parse.ParsedFeed;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;

/**
 * Feed parsing throughput (MB/s, items/s) of our parser against ROME 2.1.0 ({@code SyndFeedInput} over
 * {@code XmlReader}, the usual way to call it) on three large real feeds, measured in the same run: warm-up, then
 * timed rounds, best and median reported. Run with {@code ./build bench parse [rounds]}.
 */
public final class ParseBench {
  private static final List<String> FEEDS = List.of(
      "real/nyt-the-daily-large.xml", "real/giantbomb-bombcast-large.rss", "real/wordpress-se-radio-large.xml");

  private ParseBench() {}

  interface Parser {
    int parse(byte[] body) throws Exception;
  }

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    Path dir = Path.of("..", "shared", "data", "feeds");
    if (!Files.isDirectory(dir)) {
      System.err.println("bench parse: ../shared/data/feeds not found; nothing to measure");
      return;
    }
    FeedParser ours = new FeedParser(InstantSource.system());
    Parser oursP = body -> {
      ParsedFeed f = ours.parse(FeedInput.of(body, URI.create("https://bench.example/feed")));
      return f.episodes().size();
    };
    Parser romeP = body -> {
      SyndFeedInput in = new SyndFeedInput();
      SyndFeed f = in.build(new XmlReader(new ByteArrayInputStream(body)));
      return f.getEntries().size();
    };
    System.out.printf(Locale.ROOT, "%-36s %8s %7s | %9s %10s | %9s %10s | %6s%n", "feed", "MB", "items",
        "ours MB/s", "ours it/s", "ROME MB/s", "ROME it/s", "ratio");
    double totalBytes = 0;
    double oursTime = 0;
    double romeTime = 0;
    for (String name : FEEDS) {
      byte[] body = Files.readAllBytes(dir.resolve(name));
      int items = oursP.parse(body);
      int romeItems = romeP.parse(body);
      // Warm-up: both parsers, enough for the JIT to settle.
      for (int i = 0; i < 8; i++) {
        oursP.parse(body);
        romeP.parse(body);
      }
      double[] o = new double[rounds];
      double[] r = new double[rounds];
      for (int i = 0; i < rounds; i++) {
        // Interleave so both see the same machine conditions.
        o[i] = time(oursP, body);
        r[i] = time(romeP, body);
      }
      double om = median(o);
      double rm = median(r);
      double mb = body.length / 1e6;
      totalBytes += body.length;
      oursTime += om;
      romeTime += rm;
      System.out.printf(Locale.ROOT, "%-36s %8.2f %7d | %9.1f %10.0f | %9.1f %10.0f | %5.1fx%n",
          name.substring(5), mb, items, mb / om, items / om, mb / rm, romeItems / rm, rm / om);
    }
    System.out.printf(Locale.ROOT, "%-36s %8.2f %7s | %9.1f %10s | %9.1f %10s | %5.1fx%n", "all three (median times)",
        totalBytes / 1e6, "", totalBytes / 1e6 / oursTime, "", totalBytes / 1e6 / romeTime, "", romeTime / oursTime);
    System.out.printf(Locale.ROOT, "rounds=%d (median), warm-up=8, heap=%d MB, java=%s%n", rounds,
        Runtime.getRuntime().maxMemory() / (1024 * 1024), System.getProperty("java.version"));
  }

  private static double time(Parser p, byte[] body) throws Exception {
    long t0 = System.nanoTime();
    int n = p.parse(body);
    long t1 = System.nanoTime();
    if (n < 0) throw new IllegalStateException();
    return (t1 - t0) / 1e9;
  }

  private static double median(double[] xs) {
    double[] c = xs.clone();
    java.util.Arrays.sort(c);
    return c[c.length / 2];
  }
}
