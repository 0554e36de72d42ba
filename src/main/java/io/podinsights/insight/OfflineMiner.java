package io.podinsights.insight;

import io.podinsights.transcript.Transcript;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The default {@link InsightExtractor}: no network, no LLM. Cuts each speaker's turns into ~45-word tiles embedded once,
 * builds candidates of 1-3 adjacent tiles, scores them with explainable components led by centrality (re-ranked by
 * lesson cues, topic density, specificity and two example banks; penalties for questions, fragments, set-ups and
 * plugs), drops sponsor reads and picks a diverse set with MMR on embeddings.
 */
public final class OfflineMiner implements InsightExtractor {
  private static final int MAX_SENTENCES = 4;
  private static final int MMR_POOL = 400;
  private static final int DENSITY_SAMPLE = 800;
  private static final int TILE_WORDS = 45;
  private static final int MAX_TILES = 3;
  /** A leading sentence this short that opens with a dangling word ("Instead, ask about the past.") is left out. */
  private static final int SHORT_SENTENCE = 8;

  private final Embedder embedder;
  private final MinerSettings settings;
  private volatile Banks banks;

  public OfflineMiner(Embedder embedder, MinerSettings settings) {
    this.embedder = embedder;
    this.settings = settings;
  }

  @Override
  public List<Insight> extract(Transcript transcript) {
    return mine(transcript).stream().map(MinedInsight::insight).toList();
  }

  /**
   * Mines one transcript, best first, with the embedding of each insight's text.
   *
   * @throws NotEnglishException when the transcript is clearly in another language
   */
  public List<MinedInsight> mine(Transcript transcript) {
    Scored scored = score(transcript);
    if (scored.candidates().isEmpty()) return List.of();
    List<Candidate> picked = select(scored.candidates(), settings.maxInsights(), settings.mmrLambda());
    // A single tile's vector is already its exact embedding; only picks spanning several tiles need a model call.
    List<String> toEmbed = picked.stream().filter(c -> !exact(c)).map(Candidate::text).toList();
    java.util.Iterator<float[]> fresh = embedder.embedAll(toEmbed).iterator();
    List<float[]> vectors = picked.stream().map(c -> exact(c) ? c.vector() : fresh.next()).toList();
    List<MinedInsight> out = new ArrayList<>(picked.size());
    for (int k = 0; k < picked.size(); k++) {
      Candidate c = picked.get(k);
      Map<String, Double> explain = new LinkedHashMap<>(c.explain());
      explain.put("mmr_rank", (double) (k + 1));
      Insight insight = new Insight(c.text(), c.quote(), c.speaker(), millis(c.start()), millis(c.end()),
          logistic(c.total()), explain, false);
      out.add(new MinedInsight(insight, vectors.get(k)));
    }
    return out;
  }

  private static boolean exact(Candidate c) {
    return c.explain().getOrDefault("tiles", 1.0) == 1.0;
  }

  /**
   * Non-overlapping passages covering the transcript in time order (sponsor reads left out): the pool that
   * evaluation baselines draw from, and the units the miner embeds. Same sentence split, clean-up and length bounds
   * as the miner.
   */
  public List<Passage> tiles(Transcript transcript) {
    if (transcript.isEmpty()) return List.of();
    List<Sentence> sentences = SentenceSplitter.split(transcript);
    boolean[] ad = AdDetector.ads(sentences);
    List<Passage> out = new ArrayList<>();
    for (int[] span : spans(sentences, ad)) {
      Candidate c = candidateText(sentences, span[0], span[1]);
      if (Cleanup.words(c.text()) >= settings.minWords()) out.add(new Passage(c.text(), c.quote(), c.speaker(), c.start(), c.end()));
    }
    return out;
  }

  /** Non-overlapping runs of 1-4 sentences of one turn, about 45 words each: {first, last, words}; sponsor reads skipped. */
  private List<int[]> spans(List<Sentence> sentences, boolean[] ad) {
    List<int[]> out = new ArrayList<>();
    int i = 0;
    while (i < sentences.size()) {
      if (ad[i]) {
        i++;
        continue;
      }
      int words = 0;
      int j = i;
      while (j < sentences.size() && j - i < MAX_SENTENCES && !ad[j] && sentences.get(j).turn() == sentences.get(i).turn()
          && words + sentences.get(j).words() <= settings.maxWords()) {
        words += sentences.get(j).words();
        j++;
        if (words >= TILE_WORDS) break;
      }
      if (j == i) {
        words = sentences.get(i).words();
        j = i + 1;
      }
      out.add(new int[] {i, j - 1, words});
      i = j;
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------------------------

  record Candidate(int first, int last, String text, String quote, Optional<String> speaker, double start, double end,
      float[] vector, Map<String, Double> explain, double total, boolean standalone) {}

  record Scored(List<Candidate> candidates) {}

  private record Banks(List<float[]> insights, List<float[]> nonInsights) {}

  private static final Pattern LESSON = Pattern.compile("(?i)\\b(?:you (?:should|need to|have to|want to|must|"
      + "can't|cannot|shouldn't|don't)|the (?:key|trick|secret|lesson|mistake|problem|goal|point|reason|answer|thing "
      + "(?:is|that)|biggest|most important|best|hardest|real) (?:is|was|thing)|instead of|rather than|because|that's "
      + "why|which means|so that|the (?:best|right|only|fastest|easiest) way|most (?:people|companies|teams|founders|"
      + "managers|startups)|(?:always|never) |don't |rule of thumb|framework|principle|it's (?:better|important|worth|"
      + "critical|essential)|matters? (?:more|most)|the difference between|counterintuitive|in order to|the way to|"
      + "works? (?:best|better)|leads? to|(?:more|less) (?:important|valuable|effective)|what (?:I|we) (?:learned|"
      + "realized|found)|if you (?:want|can|don't)|the (?:first|second) (?:thing|step)|trade-?off|focus on|"
      + "the (?:signal|lever|bottleneck)|over time|in the long run|the more .{1,40} the (?:more|less|better))");
  private static final Pattern ANECDOTE = Pattern.compile("(?i)\\b(?:I remember|one (?:time|day)|back in|years ago|"
      + "(?:he|she|I|they) (?:said|told|goes|was like)|we (?:went|were sitting|drove|flew)|there was this|"
      + "at the time|growing up|when I was (?:a kid|young|in))");
  private static final Pattern NUMBER = Pattern.compile("\\b\\d[\\d,.]*(?:%|x|k|m)?\\b|\\$\\d|\\b(?:percent|half|"
      + "twice|double|triple|ten|hundred|thousand|million|billion)\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern PROPER = Pattern.compile("(?<=[a-z,;] )[A-Z][a-zA-Z]+");
  private static final Pattern HOUSEKEEPING = Pattern.compile("(?i)\\b(?:thank you|thanks for|welcome (?:back|to)|"
      + "this (?:episode|podcast|show)|on the (?:show|podcast)|lightning round|where can (?:people|folks|listeners)|"
      + "find you|great (?:question|to have you)|appreciate you|let's (?:get into|dive|talk about)|before we)");

  Scored score(Transcript transcript) {
    return new Scored(combine(rawCandidates(transcript), settings.weights()));
  }

  /**
   * Candidates with their raw (unweighted) components; package-private so tuning can re-weigh without re-embedding.
   * Each tile (about 45 words) is embedded exactly once; candidates are single tiles and runs of up to three adjacent
   * tiles of the same turn, whose vectors are the word-weighted mean of their tiles' exact vectors.
   */
  List<Candidate> rawCandidates(Transcript transcript) {
    if (transcript.isEmpty()) return List.of();
    LanguageGuesser.notEnglish(transcript.text()).ifPresent(lang -> {
      throw new NotEnglishException(lang);
    });
    List<Sentence> sentences = SentenceSplitter.split(transcript);
    if (sentences.isEmpty()) return List.of();
    boolean[] ad = AdDetector.ads(sentences);
    Map<Optional<String>, Double> questionRate = questionRates(sentences);
    List<int[]> spans = spans(sentences, ad);
    float[][] vec = embedSpans(sentences, spans);
    float[] centroid = centroid(spans, vec);
    if (centroid == null) return List.of();
    Banks b = banks();
    Map<String, Double> keywords = keywords(sentences, ad);
    double[] density = density(vec);

    List<Candidate> raw = new ArrayList<>();
    for (int a = 0; a < spans.size(); a++) {
      if (vec[a] == null) continue;
      int words = 0;
      for (int z = a; z < spans.size() && z < a + MAX_TILES; z++) {
        if (vec[z] == null || sentences.get(spans.get(z)[0]).turn() != sentences.get(spans.get(a)[0]).turn()) break;
        if (z > a && spans.get(z)[0] != spans.get(z - 1)[1] + 1) break;
        words += spans.get(z)[2];
        if (words > settings.maxWords() + 10) break;
        if (words < settings.minWords() - 5) continue;
        float[] v = z == a ? vec[a] : mean(spans, vec, a, z);
        Candidate c = candidateText(sentences, spans.get(a)[0], spans.get(z)[1]);
        int w = Cleanup.words(c.text());
        if (w < settings.minWords() || w > settings.maxWords()) continue;
        Candidate scored = components(c, v, sentences, b, centroid, questionRate, keywords);
        double d = 0;
        for (int k = a; k <= z; k++) d += spans.get(k)[2] * density[k];
        scored.explain().put("topic_density", d / Math.max(1, words));
        scored.explain().put("tiles", (double) (z - a + 1));
        raw.add(scored);
      }
    }
    return raw;
  }

  /**
   * The text of sentences i..j; leading sentences that cannot open an insight (a question, a short fragment such as
   * "From day one.", a short sentence that leans on what came before) are left out of both text and quote as long as a sentence remains, so the quote stays verbatim.
   */
  private Candidate candidateText(List<Sentence> sentences, int i, int j) {
    while (i < j && (sentences.get(i).question() || StandaloneCheck.fragmentStart(sentences.get(i).clean())
        || StandaloneCheck.opensWithQuestion(sentences.get(i).clean())
        || StandaloneCheck.danglingStart(sentences.get(i).clean()) && sentences.get(i).words() <= SHORT_SENTENCE)) i++;
    StringBuilder text = new StringBuilder();
    StringBuilder quote = new StringBuilder();
    for (int k = i; k <= j; k++) {
      Sentence s = sentences.get(k);
      if (!text.isEmpty()) text.append(' ');
      text.append(s.clean());
      if (!quote.isEmpty()) quote.append(' ');
      quote.append(s.raw());
    }
    String t = Cleanup.withFullStop(Cleanup.trimOpening(text.toString()));
    return new Candidate(i, j, t, quote.toString(), sentences.get(i).speaker(), sentences.get(i).start(),
        sentences.get(j).end(), null, Map.of(), 0, true);
  }

  /** Raw component values of one candidate; {@link #combine} z-scores and weighs them. */
  private Candidate components(Candidate c, float[] v, List<Sentence> sentences, Banks b, float[] centroid,
      Map<Optional<String>, Double> questionRate, Map<String, Double> keywords) {
    Map<String, Double> x = new LinkedHashMap<>();
    x.put("insight_like", topMean(v, b.insights(), 3) - topMean(v, b.nonInsights(), 3));
    x.put("centrality", Embedder.cosine(v, centroid));
    String text = c.text();
    int words = Math.max(1, Cleanup.words(text));
    double numbers = NUMBER.matcher(text).results().count();
    double proper = PROPER.matcher(text).results().count();
    x.put("specificity", Math.min(1.0, (numbers * 1.0 + proper * 0.5) / (words / 25.0) / 2.0));
    double kw = 0;
    for (String term : java.util.Set.copyOf(terms(text))) kw += keywords.getOrDefault(term, 0.0);
    x.put("keywords", kw / Math.sqrt(words / 50.0));
    long lessons = LESSON.matcher(text).results().map(r -> r.group().toLowerCase()).distinct().count();
    x.put("lesson_cues", Math.min(3, lessons) / 3.0);
    int questions = 0;
    for (int k = c.first(); k <= c.last(); k++) if (sentences.get(k).question()) questions++;
    boolean endsInQuestion = sentences.get(c.last()).question();
    x.put("question", (endsInQuestion ? 1.0 : 0.0) + questions / (double) (c.last() - c.first() + 1));
    x.put("dangling_start", StandaloneCheck.danglingStart(text) ? 1.0 : 0.0);
    x.put("host_setup", questionRate.getOrDefault(c.speaker(), 0.0));
    x.put("anecdote", ANECDOTE.matcher(text).find() && lessons == 0 ? 1.0 : 0.0);
    x.put("plug", (AdDetector.plug(text) ? 1.0 : 0.0) + (HOUSEKEEPING.matcher(text).find() ? 0.5 : 0.0));
    x.put("length", Math.abs(words - 55) / 55.0);
    boolean standalone = !endsInQuestion && !StandaloneCheck.opensWithQuestion(text)
        && !StandaloneCheck.danglingStart(text) && !StandaloneCheck.fragmentStart(text) && !AdDetector.sponsor(text);
    return new Candidate(c.first(), c.last(), text, c.quote(), c.speaker(), c.start(), c.end(), v, x, 0, standalone);
  }

  static List<Candidate> combine(List<Candidate> raw, MinerSettings.Weights w) {
    if (raw.isEmpty()) return raw;
    Map<String, double[]> stats = new HashMap<>();
    for (String key : List.of("insight_like", "centrality", "specificity", "keywords", "topic_density")) {
      double[] xs = raw.stream().mapToDouble(c -> c.explain().get(key)).toArray();
      double mean = Arrays.stream(xs).average().orElse(0);
      double sd = Math.sqrt(Arrays.stream(xs).map(d -> (d - mean) * (d - mean)).average().orElse(0));
      stats.put(key, new double[] {mean, sd < 1e-9 ? 1 : sd});
    }
    List<Candidate> out = new ArrayList<>(raw.size());
    for (Candidate c : raw) {
      Map<String, Double> x = c.explain();
      Map<String, Double> e = new LinkedHashMap<>();
      e.put("insight_like", w.insightLike() * z(x, stats, "insight_like"));
      e.put("centrality", w.centrality() * z(x, stats, "centrality"));
      e.put("specificity", w.specificity() * z(x, stats, "specificity"));
      e.put("keywords", w.keywords() * z(x, stats, "keywords"));
      e.put("topic_density", w.density() * z(x, stats, "topic_density"));
      e.put("lesson_cues", w.lesson() * x.get("lesson_cues"));
      e.put("question", -w.question() * x.get("question"));
      e.put("dangling_start", -w.dangling() * x.get("dangling_start"));
      e.put("host_setup", -w.host() * x.get("host_setup"));
      e.put("anecdote", -w.anecdote() * x.get("anecdote"));
      e.put("plug", -w.plug() * x.get("plug"));
      e.put("length", -w.length() * x.get("length"));
      double total = e.values().stream().mapToDouble(Double::doubleValue).sum();
      e.put("total", total);
      e.put("tiles", x.getOrDefault("tiles", 1.0));
      out.add(new Candidate(c.first(), c.last(), c.text(), c.quote(), c.speaker(), c.start(), c.end(), c.vector(), e,
          total, c.standalone()));
    }
    return out;
  }

  private static double z(Map<String, Double> x, Map<String, double[]> stats, String key) {
    double[] s = stats.get(key);
    return (x.get(key) - s[0]) / s[1];
  }

  /** Maximal marginal relevance over the best candidates; never two overlapping passages. */
  static List<Candidate> select(List<Candidate> candidates, int n, double lambda) {
    List<Candidate> pool = new ArrayList<>(candidates.stream().filter(Candidate::standalone).toList());
    if (pool.size() < n) pool = new ArrayList<>(candidates);
    pool.sort(Comparator.comparingDouble(Candidate::total).reversed());
    if (pool.size() > MMR_POOL) pool = new ArrayList<>(pool.subList(0, MMR_POOL));
    double max = pool.getFirst().total();
    double min = pool.getLast().total();
    double range = Math.max(1e-9, max - min);
    List<Candidate> picked = new ArrayList<>();
    while (picked.size() < n) {
      Candidate best = null;
      double bestValue = Double.NEGATIVE_INFINITY;
      for (Candidate c : pool) {
        if (overlaps(c, picked)) continue;
        double sim = 0;
        for (Candidate p : picked) sim = Math.max(sim, Embedder.cosine(c.vector(), p.vector()));
        double value = lambda * (c.total() - min) / range - (1 - lambda) * sim;
        if (value > bestValue) {
          bestValue = value;
          best = c;
        }
      }
      if (best == null) break;
      picked.add(best);
    }
    return picked;
  }

  private static boolean overlaps(Candidate c, List<Candidate> picked) {
    for (Candidate p : picked) if (c.first() <= p.last() && p.first() <= c.last()) return true;
    return false;
  }

  /** Exact vectors of the tiles long enough to hold a candidate; repeated tiles (cold opens, re-runs) embedded once. */
  private float[][] embedSpans(List<Sentence> sentences, List<int[]> spans) {
    float[][] vec = new float[spans.size()][];
    Map<Integer, Integer> turnWords = new HashMap<>();
    for (int[] s : spans) turnWords.merge(sentences.get(s[0]).turn(), s[2], Integer::sum);
    Map<String, Integer> unique = new LinkedHashMap<>();
    int[] slot = new int[spans.size()];
    for (int a = 0; a < spans.size(); a++) {
      slot[a] = -1;
      int[] s = spans.get(a);
      // Turns too short to hold a passage ("Yeah, totally.") can never be mined: not worth a model call.
      if (turnWords.get(sentences.get(s[0]).turn()) < settings.minWords()) continue;
      slot[a] = unique.computeIfAbsent(candidateText(sentences, s[0], s[1]).text(), k -> unique.size());
    }
    List<float[]> vs = embedder.embedAll(new ArrayList<>(unique.keySet()));
    for (int a = 0; a < spans.size(); a++) if (slot[a] >= 0) vec[a] = vs.get(slot[a]);
    return vec;
  }

  /** Word-weighted mean of the exact vectors of tiles a..z. */
  private static float[] mean(List<int[]> spans, float[][] vec, int a, int z) {
    float[] sum = new float[vec[a].length];
    for (int k = a; k <= z; k++) {
      float weight = spans.get(k)[2];
      for (int d = 0; d < sum.length; d++) sum[d] += weight * vec[k][d];
    }
    return BgeSmallEmbedder.normalise(sum);
  }

  /** Mean of the tile vectors: ranking by cosine to it is ranking by summed similarity to every tile. */
  private static float[] centroid(List<int[]> spans, float[][] vec) {
    float[] sum = null;
    for (int k = 0; k < spans.size(); k++) {
      if (vec[k] == null) continue;
      if (sum == null) sum = new float[vec[k].length];
      for (int d = 0; d < sum.length; d++) sum[d] += vec[k][d];
    }
    return sum == null ? null : BgeSmallEmbedder.normalise(sum);
  }

  private static final java.util.Set<String> COMMON = java.util.Set.of("that", "this", "with", "have", "they", "what",
      "there", "about", "just", "like", "really", "think", "know", "when", "were", "your", "then", "them", "thing",
      "things", "because", "would", "could", "should", "which", "their", "from", "been", "some", "more", "very", "going",
      "want", "actually", "people", "kind", "mean", "yeah", "right", "something", "where", "these", "those", "into",
      "also", "other", "much", "make", "good", "even", "over", "time", "will", "only", "well", "here", "being", "doing",
      "said", "says", "sort", "than", "maybe", "every", "need", "same", "many", "first", "thought", "pretty", "still",
      "feel", "always", "take", "back", "sure", "come", "work", "look", "great", "lot", "lots", "doesn't", "don't",
      "it's", "that's", "there's", "i'm", "you're", "we're", "they're", "didn't", "isn't", "can't", "what's", "okay",
      "totally", "does", "made", "talk", "today", "gonna", "able", "kinds", "ways", "whole", "point", "stuff", "someone");

  static List<String> terms(String text) {
    List<String> out = new ArrayList<>();
    for (String w : text.toLowerCase(java.util.Locale.ROOT).replace('’', '\'').split("[^\\p{L}\\d']+"))
      if (w.length() >= 4 && !COMMON.contains(w)) out.add(w);
    return out;
  }

  /** The episode's own vocabulary: the 40 most frequent content words (4+ uses), weighted by log frequency. */
  private static Map<String, Double> keywords(List<Sentence> sentences, boolean[] ad) {
    Map<String, Integer> counts = new HashMap<>();
    for (int i = 0; i < sentences.size(); i++) if (!ad[i]) for (String t : terms(sentences.get(i).clean())) counts.merge(t, 1, Integer::sum);
    Map<String, Double> out = new HashMap<>();
    counts.entrySet().stream().filter(e -> e.getValue() >= 4)
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(40)
        .forEach(e -> out.put(e.getKey(), Math.log(e.getValue())));
    return out;
  }

  /** Per sentence: mean cosine to its 10 nearest other sentences, i.e. how much of the episode dwells on its topic. */
  private static double[] density(float[][] vec) {
    List<Integer> idx = new ArrayList<>();
    for (int i = 0; i < vec.length; i++) if (vec[i] != null) idx.add(i);
    double[] out = new double[vec.length];
    // Compared against at most DENSITY_SAMPLE evenly spaced sentences, so a 5-hour episode stays linear in time.
    List<Integer> ref = new ArrayList<>();
    double step = Math.max(1.0, idx.size() / (double) DENSITY_SAMPLE);
    for (double x = 0; x < idx.size(); x += step) ref.add(idx.get((int) x));
    int k = Math.min(10, Math.max(1, ref.size() - 1));
    double[] sims = new double[ref.size()];
    for (int a = 0; a < idx.size(); a++) {
      float[] va = vec[idx.get(a)];
      for (int b = 0; b < ref.size(); b++) {
        float[] vb = vec[ref.get(b)];
        double dot = 0;
        for (int d = 0; d < va.length; d++) dot += va[d] * vb[d];
        sims[b] = ref.get(b).equals(idx.get(a)) ? -2 : dot;
      }
      double[] sorted = sims.clone();
      Arrays.sort(sorted);
      double sum = 0;
      for (int t = 0; t < k && t < sorted.length; t++) sum += sorted[sorted.length - 1 - t];
      out[idx.get(a)] = sum / k;
    }
    return out;
  }

  /** Share of each speaker's turns that end in a question: near 1 for a host, near 0 for a guest. */
  private static Map<Optional<String>, Double> questionRates(List<Sentence> sentences) {
    Map<Optional<String>, int[]> counts = new HashMap<>();
    for (int i = 0; i < sentences.size(); i++) {
      Sentence s = sentences.get(i);
      boolean lastOfTurn = i + 1 == sentences.size() || sentences.get(i + 1).turn() != s.turn();
      if (!lastOfTurn) continue;
      int[] c = counts.computeIfAbsent(s.speaker(), k -> new int[2]);
      c[0]++;
      if (s.question()) c[1]++;
    }
    Map<Optional<String>, Double> out = new HashMap<>();
    counts.forEach((k, c) -> out.put(k, c[1] / (double) c[0]));
    if (counts.size() == 1) out.replaceAll((k, v) -> 0.0);
    return out;
  }

  private static double topMean(float[] v, List<float[]> bank, int k) {
    double[] sims = bank.stream().mapToDouble(b -> Embedder.cosine(v, b)).sorted().toArray();
    double sum = 0;
    int n = Math.min(k, sims.length);
    for (int i = 0; i < n; i++) sum += sims[sims.length - 1 - i];
    return n == 0 ? 0 : sum / n;
  }

  private Banks banks() {
    Banks b = banks;
    if (b == null) {
      synchronized (this) {
        if (banks == null) banks = new Banks(embedder.embedAll(bank("insight-bank.txt")),
            embedder.embedAll(bank("non-insight-bank.txt")));
        b = banks;
      }
    }
    return b;
  }

  static List<String> bank(String name) {
    try (InputStream in = OfflineMiner.class.getResourceAsStream("/insight/" + name)) {
      if (in == null) throw new IllegalStateException("insight: resource /insight/" + name + " missing from the build");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("insight: cannot read /insight/" + name, e);
    }
  }

  private static double logistic(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  private static Duration millis(double seconds) {
    return Duration.ofMillis(Math.round(seconds * 1000));
  }
}
