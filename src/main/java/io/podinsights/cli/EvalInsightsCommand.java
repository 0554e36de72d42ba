package io.podinsights.cli;

import io.podinsights.insight.BgeSmallEmbedder;
import io.podinsights.insight.Embedder;
import io.podinsights.insight.MinedInsight;
import io.podinsights.insight.MinerSettings;
import io.podinsights.insight.OfflineMiner;
import io.podinsights.insight.Passage;
import io.podinsights.insight.SoftRecall;
import io.podinsights.insight.StandaloneCheck;
import io.podinsights.transcript.Transcript;
import io.podinsights.transcript.TranscriptFormat;
import io.podinsights.transcript.TranscriptSource;
import io.podinsights.transcript.format.TextTranscriptParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code podinsights eval insights DIR…}: soft recall of the offline miner's top 5 against each episode's human
 * reference list ({@code reference-learn-list.txt}), next to random, lead, centrality and oracle baselines, plus the
 * standalone rate. Only this command reads reference lists; the miner never does.
 */
@Command(name = "insights", mixinStandardHelpOptions = true,
    description = "Evaluates insight mining on episode folders holding transcript.md and reference-learn-list.txt.")
public final class EvalInsightsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "DIR", description = "Episode folders.")
  List<Path> dirs;

  @Option(names = "--top", defaultValue = "5", description = "Selection size (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(names = "--draws", defaultValue = "50", description = "Random draws per episode (default: ${DEFAULT-VALUE}).")
  int draws;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of the random baseline (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--show", description = "Episode folder name whose top insights are printed next to the reference "
      + "list (default: the first).")
  String show;

  private final Supplier<Embedder> embedderFactory;
  private final MinerSettings settings;

  public EvalInsightsCommand() {
    this(BgeSmallEmbedder::new, MinerSettings.defaults());
  }

  public EvalInsightsCommand(Supplier<Embedder> embedderFactory, MinerSettings settings) {
    this.embedderFactory = embedderFactory;
    this.settings = settings;
  }

  /** One episode's figures. */
  public record EpisodeResult(String name, double ours, double random, double lead, double central, double oracle,
      int standalone, int picked, List<String> texts, List<String> references, List<String> failures,
      List<float[]> vectors) {
    public double normalised(double value) {
      return SoftRecall.normalised(value, random, oracle);
    }
  }

  /** Figures over all episodes. */
  public record Summary(List<EpisodeResult> episodes) {
    public double meanNormalised() {
      return episodes.stream().mapToDouble(e -> e.normalised(e.ours())).average().orElse(0);
    }

    public double standaloneRate() {
      int ok = episodes.stream().mapToInt(EpisodeResult::standalone).sum();
      int all = episodes.stream().mapToInt(EpisodeResult::picked).sum();
      return all == 0 ? 0 : ok / (double) all;
    }
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    for (Path d : dirs) {
      if (!Files.isReadable(d.resolve("transcript.md")) || !Files.isReadable(d.resolve("reference-learn-list.txt"))) {
        spec.commandLine().getErr().println("eval insights: " + d + " needs transcript.md and reference-learn-list.txt");
        return 2;
      }
    }
    Summary summary = evaluate(embedderFactory.get(), settings.withMaxInsights(top), dirs, draws, seed);
    print(out, summary, show);
    out.flush();
    return 0;
  }

  public static Summary evaluate(Embedder embedder, MinerSettings settings, List<Path> dirs, int draws, long seed)
      throws IOException {
    OfflineMiner miner = new OfflineMiner(embedder, settings);
    int k = settings.maxInsights();
    List<EpisodeResult> results = new ArrayList<>();
    for (Path dir : dirs) {
      String raw = Files.readString(dir.resolve("transcript.md"));
      Transcript t = TextTranscriptParser.parse(raw, new TranscriptSource.Local(dir.toString(), TranscriptFormat.TEXT));
      List<String> refs = references(Files.readString(dir.resolve("reference-learn-list.txt")));
      List<float[]> refVectors = embedder.embedAll(refs);
      List<MinedInsight> mined = miner.mine(t);
      List<float[]> ourVectors = mined.stream().map(MinedInsight::embedding).toList();
      List<Passage> tiles = miner.tiles(t);
      List<float[]> tileVectors = embedder.embedAll(tiles.stream().map(Passage::text).toList());
      List<float[]> lead = new ArrayList<>();
      for (int i = 0; i < tiles.size() && lead.size() < k; i++) if (tiles.get(i).start() >= 180) lead.add(tileVectors.get(i));
      double ours = SoftRecall.of(refVectors, ourVectors);
      double random = SoftRecall.random(refVectors, tileVectors, k, draws, new Random(seed));
      double leadScore = SoftRecall.of(refVectors, lead);
      double central = SoftRecall.of(refVectors, SoftRecall.central(tileVectors, k).stream().map(tileVectors::get).toList());
      double oracle = SoftRecall.of(refVectors, SoftRecall.oracle(refVectors, tileVectors, k).stream()
          .map(tileVectors::get).toList());
      String text = t.text();
      int ok = 0;
      List<String> failures = new ArrayList<>();
      for (MinedInsight m : mined) {
        List<String> v = StandaloneCheck.violations(m.insight().text(), m.insight().quote(), text);
        if (v.isEmpty()) ok++;
        else failures.add(v + " :: " + m.insight().text());
      }
      results.add(new EpisodeResult(dir.getFileName().toString(), ours, random, leadScore, central, oracle, ok,
          mined.size(), mined.stream().map(m -> m.insight().text()).toList(), refs, failures, ourVectors));
    }
    return new Summary(results);
  }

  /** Reference bullets: numbered or bulleted lines, without the "What you'll learn:" heading. */
  static List<String> references(String text) {
    return text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.endsWith(":"))
        .map(l -> l.replaceFirst("^(?:\\d+[.)]|[-*•])\\s*", "")).filter(l -> !l.isBlank()).toList();
  }

  static void print(PrintWriter out, Summary s, String show) {
    out.printf("%-24s %6s %6s %6s %6s %6s | %6s %6s %6s | %s%n", "episode", "ours", "random", "lead", "centr", "oracle",
        "n.ours", "n.lead", "n.cent", "standalone");
    double nl = 0;
    double nc = 0;
    for (EpisodeResult e : s.episodes()) {
      out.printf("%-24s %6.3f %6.3f %6.3f %6.3f %6.3f | %6.2f %6.2f %6.2f | %d/%d%n", e.name(), e.ours(), e.random(),
          e.lead(), e.central(), e.oracle(), e.normalised(e.ours()), e.normalised(e.lead()), e.normalised(e.central()),
          e.standalone(), e.picked());
      nl += e.normalised(e.lead());
      nc += e.normalised(e.central());
    }
    int n = Math.max(1, s.episodes().size());
    out.printf("mean normalised: ours %.3f, lead %.3f, centrality %.3f; standalone rate %.1f%%%n", s.meanNormalised(),
        nl / n, nc / n, 100 * s.standaloneRate());
    for (EpisodeResult e : s.episodes()) for (String f : e.failures()) out.println("  not standalone (" + e.name() + "): " + f);
    double maxCross = -1;
    for (int a = 0; a < s.episodes().size(); a++)
      for (int b = a + 1; b < s.episodes().size(); b++)
        for (float[] x : s.episodes().get(a).vectors())
          for (float[] y : s.episodes().get(b).vectors()) maxCross = Math.max(maxCross, Embedder.cosine(x, y));
    if (maxCross > -1) out.printf("highest cosine between insights of different episodes: %.3f (merge threshold %.2f)%n",
        maxCross, io.podinsights.insight.InsightMerger.DEFAULT_THRESHOLD);
    EpisodeResult pick = s.episodes().stream().filter(e -> e.name().equals(show)).findFirst()
        .orElse(s.episodes().isEmpty() ? null : s.episodes().getFirst());
    if (pick == null) return;
    out.println();
    out.println("== " + pick.name() + ": our top " + pick.texts().size() + " ==");
    for (int i = 0; i < pick.texts().size(); i++) out.println((i + 1) + ". " + pick.texts().get(i));
    out.println("== reference list ==");
    for (int i = 0; i < pick.references().size(); i++) out.println((i + 1) + ". " + pick.references().get(i));
  }
}
