package io.podinsights.insight;

import io.podinsights.transcript.Transcript;
import io.podinsights.transcript.TranscriptFormat;
import io.podinsights.transcript.TranscriptSource;
import io.podinsights.transcript.format.TextTranscriptParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tuning harness (not a test): embeds the nine Lenny episodes once, then searches the miner's weights by coordinate
 * descent on mean normalised soft recall minus SHORTFALL x the mean shortfall against the centrality baseline. Only this
 * harness and the eval command read reference lists. Environment: TUNE=1 to search (else just report the defaults), CV=k with TUNE=1 for a k-fold held-out check,
 * EXACT=1 to score picks on exact embeddings (as the eval does), SHORTFALL (default 0.5), INIT (comma-separated start
 * point), MAXT (most tiles per candidate). Run: java -cp ... io.podinsights.insight.MinerTuning DIR...
 */
public final class MinerTuning {
  record Episode(String name, List<OfflineMiner.Candidate> raw, List<float[]> refs, double random, double oracle,
      double central) {}

  static Embedder EMBEDDER;
  static final String[] NAMES = {"insightLike", "centrality", "specificity", "lesson", "question", "dangling", "host",
      "anecdote", "plug", "length", "keywords", "density", "lambda"};
  static final double SHORTFALL = Double.parseDouble(System.getenv().getOrDefault("SHORTFALL", "0.5"));

  public static void main(String[] args) throws Exception {
    Embedder model = new BgeSmallEmbedder();
    Map<String, float[]> cache = new ConcurrentHashMap<>();
    Embedder embedder = texts -> {
      List<String> missing = texts.stream().filter(x -> !cache.containsKey(x)).distinct().toList();
      List<float[]> vs = model.embedAll(missing);
      for (int i = 0; i < missing.size(); i++) cache.put(missing.get(i), vs.get(i));
      return texts.stream().map(cache::get).toList();
    };
    EMBEDDER = embedder;
    OfflineMiner miner = new OfflineMiner(embedder, MinerSettings.defaults());
    List<Episode> eps = new ArrayList<>();
    for (String a : args) {
      Path dir = Path.of(a);
      Transcript t = TextTranscriptParser.parse(Files.readString(dir.resolve("transcript.md")),
          new TranscriptSource.Local(a, TranscriptFormat.TEXT));
      List<String> refs = Files.readString(dir.resolve("reference-learn-list.txt")).lines().map(String::strip)
          .filter(l -> !l.isEmpty() && !l.endsWith(":")).map(l -> l.replaceFirst("^(?:\\d+[.)]|[-*•])\\s*", "")).filter(l -> !l.isBlank()).toList();
      List<float[]> rv = embedder.embedAll(refs);
      List<float[]> tiles = embedder.embedAll(miner.tiles(t).stream().map(Passage::text).toList());
      double random = SoftRecall.random(rv, tiles, 5, 50, new Random(42));
      double oracle = SoftRecall.of(rv, SoftRecall.oracle(rv, tiles, 5).stream().map(tiles::get).toList());
      double central = SoftRecall.of(rv, SoftRecall.central(tiles, 5).stream().map(tiles::get).toList());
      int maxTiles = Integer.parseInt(System.getenv().getOrDefault("MAXT", "3"));
      eps.add(new Episode(dir.getFileName().toString(), miner.rawCandidates(t).stream()
          .filter(c -> c.explain().getOrDefault("tiles", 1.0) <= maxTiles).toList(), rv, random, oracle, central));
      System.err.println("loaded " + a);
    }
    MinerSettings.Weights d = MinerSettings.defaults().weights();
    double[] p = {d.insightLike(), d.centrality(), d.specificity(), d.lesson(), d.question(), d.dangling(), d.host(),
        d.anecdote(), d.plug(), d.length(), d.keywords(), d.density(), MinerSettings.defaults().mmrLambda()};
    if (System.getenv("INIT") != null) {
      String[] v = System.getenv("INIT").split(",");
      for (int i = 0; i < v.length; i++) p[i] = Double.parseDouble(v[i]);
    }
    objective(eps, p, true);
    exact(eps, p);
    if (System.getenv("TUNE") == null) return;
    if (System.getenv("CV") != null) {
      crossValidate(eps, p.clone(), Integer.parseInt(System.getenv("CV")));
      return;
    }
    descend(eps, p);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < p.length; i++) sb.append(NAMES[i]).append('=').append(p[i]).append(' ');
    System.out.println(sb);
    objective(eps, p, true);
    exact(eps, p);
  }

  /** The same selection, scored the way the eval command does: exact embeddings of the picked texts. */
  static void exact(List<Episode> eps, double[] p) {
    MinerSettings.Weights w = new MinerSettings.Weights(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], p[9], p[10], p[11]);
    double sum = 0;
    int below = 0;
    for (Episode e : eps) {
      List<OfflineMiner.Candidate> picked = OfflineMiner.select(OfflineMiner.combine(e.raw(), w), 5, p[12]);
      double ours = SoftRecall.of(e.refs(), EMBEDDER.embedAll(picked.stream().map(OfflineMiner.Candidate::text).toList()));
      double n = SoftRecall.normalised(ours, e.random(), e.oracle());
      double c = SoftRecall.normalised(e.central(), e.random(), e.oracle());
      if (n < c) below++;
      sum += n;
      System.out.printf("EXACT %-24s ours %.3f n %.2f (central n %.2f)%n", e.name(), ours, n, c);
    }
    System.out.printf("EXACT mean normalised %.3f, below centrality on %d%n", sum / eps.size(), below);
  }

  /** Coordinate descent in place: 3 passes over a small grid per weight. */
  static void descend(List<Episode> eps, double[] p) {
    double[][] grid = {{0, 0.25, 0.5, 1, 1.5, 2, 3}, {0, 0.5, 1, 1.5, 2, 3, 4, 6, 8}, {0, 0.3, 0.6, 1}, {0, 0.2, 0.4, 0.8, 1.2},
        {0.5, 1.5, 3}, {0, 0.5, 1, 2}, {0, 0.25, 0.5, 1, 2}, {0, 0.5, 1}, {0.5, 1.5, 3}, {0, 0.25, 0.5, 1},
        {0, 0.25, 0.5, 1}, {0, 0.25, 0.5, 1, 1.5, 2, 3}, {0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0}};
    double best = objective(eps, p, false);
    for (int pass = 0; pass < 3; pass++) {
      for (int i = 0; i < p.length; i++) {
        double keep = p[i];
        for (double v : grid[i]) {
          p[i] = v;
          double o = objective(eps, p, false);
          if (o > best + 1e-9) {
            best = o;
            keep = v;
          }
        }
        p[i] = keep;
      }
      System.err.printf("pass %d objective %.4f%n", pass, best);
    }
  }

  /**
   * k-fold check of how the tuning generalises: tune from the start point on k-1 folds, score the held-out fold with
   * exact embeddings of the picks, and report every episode's held-out figure against the centrality baseline.
   */
  static void crossValidate(List<Episode> eps, double[] start, int k) {
    double sum = 0;
    int below = 0;
    for (int f = 0; f < k; f++) {
      List<Episode> train = new ArrayList<>();
      List<Episode> test = new ArrayList<>();
      for (int i = 0; i < eps.size(); i++) (i % k == f ? test : train).add(eps.get(i));
      double[] p = start.clone();
      descend(train, p);
      MinerSettings.Weights w = new MinerSettings.Weights(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], p[9], p[10], p[11]);
      for (Episode e : test) {
        List<OfflineMiner.Candidate> picked = OfflineMiner.select(OfflineMiner.combine(e.raw(), w), 5, p[12]);
        double ours = SoftRecall.of(e.refs(), EMBEDDER.embedAll(picked.stream().map(OfflineMiner.Candidate::text).toList()));
        double n = SoftRecall.normalised(ours, e.random(), e.oracle());
        double c = SoftRecall.normalised(e.central(), e.random(), e.oracle());
        sum += n;
        if (n < c) below++;
        System.out.printf("HELDOUT fold %d %-24s ours %.3f n %.2f (central n %.2f)%n", f, e.name(), ours, n, c);
      }
    }
    System.out.printf("HELDOUT mean normalised %.3f, below centrality on %d of %d%n", sum / eps.size(), below, eps.size());
  }

  static double objective(List<Episode> eps, double[] p, boolean print) {
    MinerSettings.Weights w = new MinerSettings.Weights(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], p[9], p[10], p[11]);
    double sum = 0;
    double shortfall = 0;
    for (Episode e : eps) {
      List<OfflineMiner.Candidate> picked = OfflineMiner.select(OfflineMiner.combine(e.raw(), w), 5, p[12]);
      double ours = SoftRecall.of(e.refs(), System.getenv("EXACT") == null
          ? picked.stream().map(OfflineMiner.Candidate::vector).toList()
          : EMBEDDER.embedAll(picked.stream().map(OfflineMiner.Candidate::text).toList()));
      double n = SoftRecall.normalised(ours, e.random(), e.oracle());
      double c = SoftRecall.normalised(e.central(), e.random(), e.oracle());
      sum += n;
      shortfall += Math.max(0, c - n);
      if (print) System.out.printf("%-24s ours %.3f n %.2f (central n %.2f)%n", e.name(), ours, n, c);
    }
    double mean = sum / eps.size();
    if (print) System.out.printf("mean normalised %.3f, shortfall %.3f%n", mean, shortfall / eps.size());
    return mean - SHORTFALL * shortfall / eps.size();
  }
}
