package io.podinsights.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.podinsights.insight.BgeSmallEmbedder;
import io.podinsights.insight.Embedder;
import io.podinsights.insight.Insight;
import io.podinsights.insight.MinerSettings;
import io.podinsights.insight.NotEnglishException;
import io.podinsights.insight.OfflineMiner;
import io.podinsights.transcript.Transcript;
import io.podinsights.transcript.format.TranscriptFormats;
import io.podinsights.transcript.format.TranscriptParseException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code podinsights insights FILE}: mines one local transcript (any format we read) with the offline miner. */
@Command(name = "insights", mixinStandardHelpOptions = true,
    description = "Mine a transcript file for its best insights with the offline miner (no network, no LLM).")
public final class InsightsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "TRANSCRIPT_FILE", description = "A transcript: JSON, WebVTT, SRT, HTML, plain text or Markdown.")
  Path file;

  @Option(names = "--top", defaultValue = "5", description = "How many insights (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(names = "--json", description = "Print {\"insights\":[{text,quote,speaker,start,end,score}]}; times in seconds.")
  boolean json;

  @Option(names = "--explain", description = "Add each insight's score components.")
  boolean explain;

  private final Supplier<Embedder> embedder;

  public InsightsCommand() {
    this(BgeSmallEmbedder::new);
  }

  public InsightsCommand(Supplier<Embedder> embedder) {
    this.embedder = embedder;
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (top < 1) {
      err.println("insights: --top must be at least 1, was " + top);
      return 2;
    }
    if (!Files.isReadable(file)) {
      err.println("insights: cannot read " + file + "; give the path of a transcript (JSON, VTT, SRT, HTML, text)");
      return 2;
    }
    Transcript transcript;
    try {
      transcript = TranscriptFormats.parseFile(file, Optional.empty());
    } catch (TranscriptParseException e) {
      err.println(e.getMessage());
      return 1;
    }
    List<Insight> insights;
    try {
      insights = new OfflineMiner(embedder.get(), MinerSettings.defaults().withMaxInsights(top)).extract(transcript);
    } catch (NotEnglishException e) {
      err.println(e.getMessage());
      insights = List.of();
    }
    if (json) {
      out.println(new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .writeValueAsString(Map.of("insights", toJson(insights, explain))));
    } else {
      if (insights.isEmpty()) out.println("No insights found in " + file + ".");
      int n = 1;
      for (Insight i : insights) {
        out.printf("%d. [%s-%s] %s (score %.2f)%n   %s%n", n++, clock(i.start().toMillis()), clock(i.end().toMillis()),
            i.speaker().orElse("unknown speaker"), i.score(), i.text());
        if (explain) out.println("   " + i.explain());
        out.println();
      }
    }
    out.flush();
    return 0;
  }

  /** The JSON shape of the insights list; public so the web API can answer with the same fields. */
  public static List<Map<String, Object>> toJson(List<Insight> insights, boolean withExplain) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (Insight i : insights) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("text", i.text());
      m.put("quote", i.quote());
      m.put("speaker", i.speaker().orElse(null));
      m.put("start", i.start().toMillis() / 1000.0);
      m.put("end", i.end().toMillis() / 1000.0);
      m.put("score", Math.round(i.score() * 10000) / 10000.0);
      if (withExplain) {
        Map<String, Double> e = new LinkedHashMap<>();
        i.explain().forEach((k, v) -> e.put(k, Math.round(v * 10000) / 10000.0));
        m.put("explain", e);
      }
      list.add(m);
    }
    return list;
  }

  static String clock(long millis) {
    long s = millis / 1000;
    return String.format("%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
  }
}
