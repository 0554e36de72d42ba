package io.podinsights.bench;

import com.sun.net.httpserver.HttpServer;
import io.podinsights.App;
import io.podinsights.config.Config;
import io.podinsights.config.Keys;
import io.podinsights.pipeline.FeedReport;
import io.podinsights.pipeline.PollReport;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One poll cycle of 10,000 feeds against a loopback server: half answer 304 (their ETag matches), half answer 200
 * with a real feed body (rotating through twelve real podcast feeds of ../shared/data/feeds/real, 10-310 KB, 4-100
 * items). The feeds were polled once before, so the 200s re-deliver known episodes, as in steady state. Reports the
 * wall time and peak heap of the measured cycle; run with -Xmx512m (./build bench does).
 */
public final class PollBench {
  private static final String[] BODIES = {
    "libsyn-allthingschemical.xml", "rtve-tiempo-de-valientes-es.xml", "libsyn-frank-and-erik.xml",
    "podbean-javascript-air.xml", "babesinbusiness.xml", "buzzsprout-how-to-start-a-podcast.xml",
    "powerpress-mysterious-universe.xml", "scale-your-code.xml", "riordans-desk.xml",
    "neo4j-graph-databases-podcast.xml", "libsyn-the-ruminant.xml", "podnews.xml"};

  private PollBench() {}

  public static void main(String[] args) throws Exception {
    int feeds = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    Path real = Path.of("..", "shared", "data", "feeds", "real");
    if (!Files.isDirectory(real)) {
      System.out.println("poll bench: skipped, ../shared/data/feeds/real is not here");
      return;
    }
    List<byte[]> bodies = new ArrayList<>();
    long bodyBytes = 0;
    for (String name : BODIES) {
      byte[] b = Files.readAllBytes(real.resolve(name));
      bodies.add(b);
      bodyBytes += b.length;
    }
    AtomicBoolean measured = new AtomicBoolean(false);
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/feed/", exchange -> {
      try (exchange) {
        int n = Integer.parseInt(exchange.getRequestURI().getPath().substring("/feed/".length()));
        String etag = "\"v1-" + n + "\"";
        boolean unchanged = measured.get() && n % 2 == 0;
        if (unchanged && etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
          exchange.sendResponseHeaders(304, -1);
          return;
        }
        byte[] body = bodies.get(n % bodies.size());
        exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
        exchange.getResponseHeaders().set("ETag", measured.get() ? "\"v2-" + n + "\"" : etag);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      } catch (IOException | RuntimeException e) {
        // the client gave up; nothing to answer
      }
    });
    server.start();
    Path dir = Files.createTempDirectory("podinsights-poll-bench");
    Config config = Config.defaults().with(Map.of(
        Keys.DATA_DIR, dir.toString(),
        Keys.FETCH_ALLOW_PRIVATE_NETWORKS, "true",
        Keys.FETCH_PER_HOST_LIMIT, "64",
        Keys.POLL_CONCURRENCY, "64",
        Keys.PIPELINE_BACKFILL, "0"));
    String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/feed/";
    try (App app = App.open(config, InstantSource.system())) {
      long t = System.nanoTime();
      for (int i = 0; i < feeds; i++) app.feeds().add(base + i, Instant.EPOCH);
      System.out.printf("poll bench: %d feeds subscribed in %.1f s%n", feeds, seconds(t));
      t = System.nanoTime();
      PollReport prime = app.poller().pollDue((done, total) -> {});
      System.out.printf("poll bench: first poll (all 200, episodes stored) %.1f s, %d fetched, %d failed, %d episodes%n",
          seconds(t), prime.count(FeedReport.Kind.FETCHED), prime.count(FeedReport.Kind.FAILED), app.episodes().count());

      app.feeds().makeAllDue(Instant.now());
      measured.set(true);
      System.gc();
      resetPeaks();
      t = System.nanoTime();
      PollReport cycle = app.poller().pollDue((done, total) -> {});
      double wall = seconds(t);
      long peak = heapPeak();
      long notModified = cycle.count(FeedReport.Kind.NOT_MODIFIED);
      long fetched = cycle.count(FeedReport.Kind.FETCHED);
      long failed = cycle.count(FeedReport.Kind.FAILED);
      double mb = fetched * (bodyBytes / (double) bodies.size()) / 1e6;
      System.out.printf("poll bench: measured cycle of %d feeds: %.1f s wall (goal <= 60 s), %.0f feeds/s; "
              + "%d not modified (304), %d fetched and parsed (%.0f MB), %d failed; peak heap %d MB (goal <= 512 MB, "
              + "max %d MB)%n", cycle.feeds().size(), wall, cycle.feeds().size() / wall, notModified, fetched, mb,
          failed, peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
    } finally {
      server.stop(0);
    }
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) pool.resetPeakUsage();
  }

  private static long heapPeak() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) sum += pool.getPeakUsage().getUsed();
    }
    return sum;
  }
}
