package io.podinsights.bench;

import io.podinsights.insight.BgeSmallEmbedder;
import io.podinsights.insight.Embedder;
import io.podinsights.insight.MinedInsight;
import io.podinsights.insight.MinerSettings;
import io.podinsights.insight.OfflineMiner;
import io.podinsights.insight.Passage;
import io.podinsights.transcript.Transcript;
import io.podinsights.transcript.TranscriptFormat;
import io.podinsights.transcript.TranscriptSource;
import io.podinsights.transcript.format.TextTranscriptParser;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Mines an hour-long real transcript end to end (parse, split, clean, embed, score, MMR, embed the picks). Peer, in the
 * same run: embedding the transcript's text once as non-overlapping passages, the floor any embedding-based miner
 * pays. Goal: <= 10 s per hour-long episode on 2 cores with -Xmx512m.
 */
public final class InsightsBench {
  private InsightsBench() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args.length > 0 ? args[0] : "../shared/data/episodes/changelog-founders-talk/founders-talk-86.transcript.md");
    if (!Files.isReadable(file)) {
      System.out.println("insights bench: " + file + " not found; pass a transcript path");
      return;
    }
    String raw = Files.readString(file);
    long t0 = System.nanoTime();
    Embedder embedder = new BgeSmallEmbedder();
    long load = System.nanoTime() - t0;
    OfflineMiner miner = new OfflineMiner(embedder, MinerSettings.defaults().withMaxInsights(10));
    miner.mine(TextTranscriptParser.parse("Guest: Warm-up run. Pricing is a product decision, not a finance one, "
        + "because the price tells buyers who the product is for and what to expect from it.",
        new TranscriptSource.Local("warm-up", TranscriptFormat.TEXT)));
    resetPeaks();
    int runs = 3;
    double[] mine = new double[runs];
    double[] floor = new double[runs];
    int words = 0;
    List<MinedInsight> last = List.of();
    for (int r = 0; r < runs; r++) {
      long a = System.nanoTime();
      Transcript t = TextTranscriptParser.parse(raw, new TranscriptSource.Local(file.toString(), TranscriptFormat.TEXT));
      last = miner.mine(t);
      mine[r] = (System.nanoTime() - a) / 1e9;
      List<String> tiles = miner.tiles(t).stream().map(Passage::text).toList();
      long b = System.nanoTime();
      embedder.embedAll(tiles);
      floor[r] = (System.nanoTime() - b) / 1e9;
      words = t.text().split("\\s+").length;
    }
    Arrays.sort(mine);
    Arrays.sort(floor);
    double minutes = TextTranscriptParser.parse(raw, new TranscriptSource.Local("", TranscriptFormat.TEXT)).length()
        .toSeconds() / 60.0;
    System.out.printf("insights bench: %s, %,d words, %.0f min of talk, %d cores, max heap %d MB%n", file.getFileName(),
        words, minutes, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
    System.out.printf("  model load            %.2f s%n", load / 1e9);
    System.out.printf("  mine (end to end)     median %.2f s (min %.2f, max %.2f) -> %d insights%n", mine[1], mine[0],
        mine[2], last.size());
    System.out.printf("  peer: embed text once median %.2f s  -> ratio mine/peer %.2f%n", floor[1], mine[1] / floor[1]);
    System.out.printf("  peak heap (all pools) %d MB%n", peakHeapMb());
  }

  private static void resetPeaks() {
    System.gc();
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) p.resetPeakUsage();
  }

  private static long peakHeapMb() {
    long sum = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans())
      if (p.getType() == MemoryType.HEAP) sum += p.getPeakUsage().getUsed();
    return sum >> 20;
  }
}
