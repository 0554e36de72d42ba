package io.podinsights.insight.llm;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import io.podinsights.insight.Embedder;
import io.podinsights.insight.Insight;
import io.podinsights.transcript.Segment;
import io.podinsights.transcript.Transcript;
import java.time.Duration;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Rewrites the miner's best candidates into house-style insights with a language model, and keeps a rewrite only when
 * its supporting quote is really in the transcript and it still means what the quote says; otherwise the candidate
 * stays as mined. Never throws for model misbehaviour (timeouts, errors, bad JSON, invented quotes): it returns the
 * candidates with warnings. Costs are bounded by the config's timeout and retries, the daily {@link TokenBudget},
 * and the {@link LlmCache}.
 */
public final class LlmInsightWriter {

  /** Answer tokens reserved per candidate: an 80-word insight, a 60-word quote and the JSON around them. */
  static final int ANSWER_TOKENS_PER_CANDIDATE = 200;

  public static final String PROMPT_VERSION = RewritePrompt.VERSION;

  private final ChatModel model;
  private final LlmConfig config;
  private final RewriteSettings settings;
  private final Embedder embedder;
  private final LlmCache cache;
  private final TokenBudget budget;
  private final RewritePrompt prompt = RewritePrompt.load();

  public LlmInsightWriter(
      ChatModel model, LlmConfig config, RewriteSettings settings, Embedder embedder, LlmCache cache, TokenBudget budget) {
    this.model = Objects.requireNonNull(model, "insight-llm: model");
    this.config = Objects.requireNonNull(config, "insight-llm: config");
    this.settings = Objects.requireNonNull(settings, "insight-llm: settings");
    this.embedder = Objects.requireNonNull(embedder, "insight-llm: embedder");
    this.cache = Objects.requireNonNull(cache, "insight-llm: cache");
    this.budget = Objects.requireNonNull(budget, "insight-llm: budget");
  }

  /** A writer talking to the configured model, with a daily budget counted in UTC days on {@code clock}. */
  public static LlmInsightWriter create(
      LlmConfig config, RewriteSettings settings, Embedder embedder, LlmCache cache, InstantSource clock) {
    return new LlmInsightWriter(ChatModelFactory.create(config), config, settings, embedder, cache,
        new TokenBudget(config.dailyTokenBudget(), clock, ZoneOffset.UTC));
  }

  /**
   * The candidates in the given order, each rewritten by the model where the rewrite is grounded
   * ({@code aiWritten=true}), or unchanged, with a warning saying why.
   */
  public RewriteResult rewrite(Transcript transcript, List<Insight> candidates) {
    Objects.requireNonNull(transcript, "insight-llm: transcript");
    List<Insight> out = new ArrayList<>(candidates);
    if (candidates.isEmpty() || transcript.isEmpty()) return new RewriteResult(out, List.of(), 0, 0, 0);

    String transcriptHash = transcriptHash(transcript);
    List<RewritePrompt.Block> blocks = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) blocks.add(block(transcript, i + 1, candidates.get(i)));

    List<RewriteWarning> warnings = new ArrayList<>();
    List<Accepted> accepted = new ArrayList<>();
    long tokens = 0;
    int calls = 0;
    int hits = 0;
    for (List<RewritePrompt.Block> batch : batches(blocks)) {
      String user = prompt.user(batch);
      CacheKey key = new CacheKey(
          transcriptHash, PROMPT_VERSION, config.modelId(), CacheKey.sha256(prompt.system() + "\n\n" + user));
      Optional<String> cached = cache.get(key);
      String answer;
      if (cached.isPresent()) {
        hits++;
        answer = cached.get();
      } else {
        long estimate = Tokens.estimate(prompt.system()) + Tokens.estimate(user)
            + (long) ANSWER_TOKENS_PER_CANDIDATE * batch.size();
        TokenBudget.Admission admission = budget.admit(estimate);
        if (!admission.admitted()) {
          warnings.add(new RewriteWarning.BudgetExhausted(
              admission.day(), admission.budget(), admission.used(), admission.needed(), batch.size()));
          continue;
        }
        ChatResponse response;
        try {
          calls++;
          response = model.chat(ChatRequest.builder()
              .messages(SystemMessage.from(prompt.system()), UserMessage.from(user))
              .build());
        } catch (RuntimeException e) {
          warnings.add(new RewriteWarning.ModelFailed(config.modelId(), reason(e), batch.size()));
          continue;
        }
        answer = Optional.ofNullable(response).map(ChatResponse::aiMessage).map(AiMessage::text).orElse("");
        long used = charged(response, prompt.system() + user, answer);
        budget.charge(used);
        tokens += used;
      }
      switch (AnswerParser.parse(answer)) {
        case AnswerParser.Parsed.Unreadable u ->
            warnings.add(new RewriteWarning.UnreadableAnswer(config.modelId(), u.reason(), excerpt(answer), batch.size()));
        case AnswerParser.Parsed.Proposals p -> {
          if (cached.isEmpty()) cache.put(key, answer);
          accepted.addAll(check(transcript, batch, p.proposals(), warnings));
        }
      }
    }
    keepFaithful(accepted, out, warnings);
    return new RewriteResult(out, warnings, tokens, calls, hits);
  }

  /** A rewrite whose quote was found, waiting for the meaning check. */
  private record Accepted(int id, Insight candidate, String rewrite, String quote, Segment first, Segment last) {}

  private List<Accepted> check(
      Transcript transcript, List<RewritePrompt.Block> batch, List<AnswerParser.Proposal> proposals,
      List<RewriteWarning> warnings) {
    Map<Integer, AnswerParser.Proposal> byId = new HashMap<>();
    for (AnswerParser.Proposal p : proposals) byId.putIfAbsent(p.id(), p);
    List<Accepted> out = new ArrayList<>();
    for (RewritePrompt.Block b : batch) {
      AnswerParser.Proposal p = byId.get(b.id());
      if (p == null) {
        warnings.add(new RewriteWarning.MissingRewrite(b.id()));
        continue;
      }
      int words = p.insight().split("\\s+").length;
      if (words < settings.minWords() || words > settings.maxWords()) {
        warnings.add(new RewriteWarning.WrongLength(b.id(), words, settings.minWords(), settings.maxWords()));
        continue;
      }
      QuoteMatcher.Passage context = QuoteMatcher.passage(b.context(), b.firstSegment());
      QuoteMatcher.Match match = QuoteMatcher.bestMatch(QuoteMatcher.tokens(p.quote()), context.tokens());
      if (!match.found() || match.coverage() < settings.minQuoteMatch()) {
        warnings.add(new RewriteWarning.UngroundedQuote(
            b.id(), excerpt(p.quote()), match.coverage(), settings.minQuoteMatch()));
        continue;
      }
      List<Segment> segments = transcript.segments();
      out.add(new Accepted(b.id(), b.candidate(), p.insight(),
          QuoteMatcher.text(context, match.fromWord(), match.toWord()),
          segments.get(context.tokens().get(match.fromWord()).segment()),
          segments.get(context.tokens().get(match.toWord()).segment())));
    }
    return out;
  }

  /** Replaces each candidate whose rewrite stays close to its matched quote; one embedding batch for all. */
  private void keepFaithful(List<Accepted> accepted, List<Insight> out, List<RewriteWarning> warnings) {
    if (accepted.isEmpty()) return;
    List<String> texts = new ArrayList<>();
    for (Accepted a : accepted) {
      texts.add(a.rewrite());
      texts.add(a.quote());
    }
    List<float[]> vectors = embedder.embedAll(texts);
    for (int i = 0; i < accepted.size(); i++) {
      Accepted a = accepted.get(i);
      double similarity = Embedder.cosine(vectors.get(2 * i), vectors.get(2 * i + 1));
      if (similarity < settings.minMeaningSimilarity()) {
        warnings.add(new RewriteWarning.MeaningDrift(a.id(), similarity, settings.minMeaningSimilarity()));
        continue;
      }
      Insight c = a.candidate();
      // The rewrite now rests on the matched quote: its speaker wins, the candidate's fills in.
      Optional<String> speaker = a.first().speaker().or(c::speaker);
      out.set(a.id() - 1, new Insight(a.rewrite(), a.quote(), speaker, a.first().start(), a.last().end(), c.score(),
          c.explain(), true));
    }
  }

  /** The candidate with the segments it spans and {@code neighbourSegments} either side, trimmed to the size cap. */
  private RewritePrompt.Block block(Transcript transcript, int id, Insight candidate) {
    List<Segment> segments = transcript.segments();
    int first = -1;
    int last = -1;
    for (int i = 0; i < segments.size(); i++) {
      Segment s = segments.get(i);
      boolean overlaps = s.start().compareTo(candidate.end()) < 0 && s.end().compareTo(candidate.start()) > 0;
      boolean contains = s.start().compareTo(candidate.start()) <= 0 && s.end().compareTo(candidate.start()) >= 0;
      if (overlaps || contains) {
        if (first < 0) first = i;
        last = i;
      }
    }
    if (first < 0) first = last = nearest(segments, candidate.start());
    int from = Math.max(0, first - settings.neighbourSegments());
    int to = Math.min(segments.size() - 1, last + settings.neighbourSegments());
    // Drop neighbours, farther side first, until the context fits; the candidate's own segments always stay.
    while (chars(segments, from, to) > settings.maxContextChars() && (from < first || to > last)) {
      if (from < first && (first - from >= to - last)) from++;
      else to--;
    }
    List<Segment> context = segments.subList(from, to + 1);
    if (chars(segments, from, to) > settings.maxContextChars()) context = trimmed(context, candidate);
    return new RewritePrompt.Block(id, candidate, context, from);
  }

  /**
   * Long segments (publisher paragraphs) cut to a window around the candidate's quote; the words kept are still the
   * transcript's, so quotes from them match.
   */
  private List<Segment> trimmed(List<Segment> context, Insight candidate) {
    int share = Math.max(200, settings.maxContextChars() / context.size());
    List<Segment> out = new ArrayList<>();
    for (Segment s : context) {
      String text = s.text();
      if (text.length() <= share) {
        out.add(s);
        continue;
      }
      String probe = candidate.quote().isBlank() ? candidate.text() : candidate.quote();
      int at = text.indexOf(probe.substring(0, Math.min(40, probe.length())));
      int from = Math.max(0, Math.min(text.length() - share, at < 0 ? 0 : at - share / 4));
      int to = Math.min(text.length(), from + share);
      // Snap to whole words.
      while (from > 0 && !Character.isWhitespace(text.charAt(from - 1))) from++;
      while (to < text.length() && to > from && !Character.isWhitespace(text.charAt(to))) to--;
      out.add(new Segment(s.start(), s.end(), s.speaker(), text.substring(from, Math.max(from, to)).strip()));
    }
    return out;
  }

  /** Candidates grouped so each call fits the model's context and the answer cap. */
  private List<List<RewritePrompt.Block>> batches(List<RewritePrompt.Block> blocks) {
    int room = config.contextTokens() - prompt.overheadTokens();
    int maxPerCall = Math.max(1, Math.min(settings.maxCandidatesPerCall(),
        config.maxAnswerTokens() / ANSWER_TOKENS_PER_CANDIDATE));
    List<List<RewritePrompt.Block>> out = new ArrayList<>();
    List<RewritePrompt.Block> current = new ArrayList<>();
    int used = 0;
    for (RewritePrompt.Block b : blocks) {
      int cost = Tokens.estimate(b.render()) + ANSWER_TOKENS_PER_CANDIDATE;
      if (!current.isEmpty() && (used + cost > room || current.size() >= maxPerCall)) {
        out.add(current);
        current = new ArrayList<>();
        used = 0;
      }
      current.add(b);
      used += cost;
    }
    if (!current.isEmpty()) out.add(current);
    return out;
  }

  private static long charged(ChatResponse response, String prompt, String answer) {
    TokenUsage usage = response == null ? null : response.tokenUsage();
    if (usage != null && usage.totalTokenCount() != null && usage.totalTokenCount() > 0) return usage.totalTokenCount();
    if (usage != null && (usage.inputTokenCount() != null || usage.outputTokenCount() != null)) {
      long sum = Optional.ofNullable(usage.inputTokenCount()).orElse(0) + Optional.ofNullable(usage.outputTokenCount()).orElse(0);
      if (sum > 0) return sum;
    }
    return Tokens.estimate(prompt) + Tokens.estimate(answer);
  }

  static String transcriptHash(Transcript transcript) {
    StringBuilder sb = new StringBuilder();
    for (Segment s : transcript.segments()) {
      sb.append(s.start().toMillis()).append('|').append(s.end().toMillis()).append('|')
          .append(s.speaker().orElse("")).append('|').append(s.text()).append('\n');
    }
    return CacheKey.sha256(sb.toString());
  }

  private static int nearest(List<Segment> segments, Duration at) {
    int best = 0;
    long bestGap = Long.MAX_VALUE;
    for (int i = 0; i < segments.size(); i++) {
      long gap = Math.abs(segments.get(i).start().minus(at).toMillis());
      if (gap < bestGap) {
        bestGap = gap;
        best = i;
      }
    }
    return best;
  }

  private static int chars(List<Segment> segments, int from, int to) {
    int n = 0;
    for (int i = from; i <= to; i++) n += segments.get(i).text().length() + 16;
    return n;
  }

  private static String reason(RuntimeException e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t && (t.getMessage() == null || t.getMessage().isBlank())) {
      t = t.getCause();
    }
    String message = t.getMessage() == null ? "" : ": " + t.getMessage();
    return excerpt(t.getClass().getSimpleName() + message);
  }

  private static String excerpt(String text) {
    String t = text == null ? "" : text.replaceAll("\\s+", " ").strip();
    return t.length() <= 160 ? t : t.substring(0, 157) + "...";
  }
}
