package io.podinsights.insight.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.podinsights.insight.Embedder;
import io.podinsights.insight.Insight;
import io.podinsights.insight.llm.FakeModelServer.Protocol;
import io.podinsights.insight.llm.FakeModelServer.Reply;
import io.podinsights.insight.llm.LlmConfig.Provider;
import io.podinsights.transcript.Transcript;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LlmInsightWriterTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static Embedder embedder;

  private final Transcript transcript = Fixtures.transcript("small-teams.transcript");
  private final List<Insight> candidates = Fixtures.smallTeamsCandidates();
  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-23T12:00:00Z"));
  private final InstantSource clock = () -> now.get();
  private FakeModelServer server;

  @TempDir Path tmp;

  @BeforeAll
  static void loadEmbedder() {
    embedder = BgeTestEmbedder.shared();
  }

  @AfterEach
  void stopServer() {
    if (server != null) server.close();
  }

  private LlmConfig openAi(Function<FakeModelServer.Request, Reply> responder) throws Exception {
    server = new FakeModelServer(Protocol.OPENAI, responder);
    return LlmConfig.of(Provider.OPENAI_COMPATIBLE, server.baseUrl(), Optional.of("test-key"), "fake-model")
        .withTimeout(Duration.ofSeconds(5))
        .withMaxRetries(0);
  }

  private LlmInsightWriter writer(LlmConfig config, LlmCache cache) {
    return LlmInsightWriter.create(config, RewriteSettings.DEFAULTS, embedder, cache, clock);
  }

  private static Reply good(FakeModelServer.Request request) {
    return new Reply.Text(Fixtures.read("good-answer.json"), 900, 150);
  }

  /** An answer with one entry, for candidate 1 only, built from the given fields. */
  private static String answerFor(String insight, String quote) throws Exception {
    return JSON.writeValueAsString(Map.of("insights", List.of(Map.of("id", 1, "insight", insight, "quote", quote, "start", "1:02"))));
  }

  @Test
  void grounded_rewrites_replace_the_mined_text_and_keep_the_quote_time() throws Exception {
    LlmConfig config = openAi(LlmInsightWriterTest::good);

    RewriteResult result = writer(config, LlmCache.none()).rewrite(transcript, candidates);

    assertThat(result.warnings()).extracting(RewriteWarning::message).isEmpty();
    assertThat(result.insights()).hasSize(3).allMatch(Insight::aiWritten);
    Insight hiring = result.insights().get(0);
    assertThat(hiring.text()).startsWith("Hire your first engineers for weekly shipping, not pedigree.");
    // The quote is the transcript's own words, not the model's lower-cased copy.
    assertThat(hiring.quote()).isEqualTo("When you hire your first five people, weekly shipping matters more than "
        + "pedigree, because at that size nobody can hide and every slow week is visible.");
    assertThat(hiring.start()).isEqualTo(Duration.ofSeconds(62));
    assertThat(hiring.end()).isEqualTo(Duration.ofSeconds(80));
    assertThat(hiring.speaker()).contains("Maria");
    assertThat(hiring.score()).isEqualTo(candidates.get(0).score());
    assertThat(hiring.explain()).isEqualTo(candidates.get(0).explain());
    assertThat(result.insights().get(2).quote()).startsWith("A one-page decision record saves you the same argument");
    assertThat(result.tokensUsed()).isEqualTo(1050);
    assertThat(result.modelCalls()).isEqualTo(1);

    FakeModelServer.Request request = server.requests().getFirst();
    assertThat(request.path()).isEqualTo("/v1/chat/completions");
    assertThat(request.body()).contains("fake-model").contains("<candidate id=\\\"3\\\">")
        .contains("[1:02] Maria: When you hire your first five people");
  }

  @Test
  void a_quote_with_fillers_and_punctuation_removed_still_counts_as_grounded() throws Exception {
    String insight = "The best early engineers often have short résumés but ship something end to end every week. "
        + "Judge candidates by what they ship each week, not by where they worked before.";
    String answer = answerFor(insight, "the best early engineers I've worked with had very short resumes but they "
        + "shipped something end-to-end every single week");
    LlmConfig config = openAi(r -> new Reply.Text(answer, 500, 80));

    RewriteResult result = writer(config, LlmCache.none()).rewrite(transcript, candidates.subList(0, 1));

    // "résumés" vs "resumes" differ by one accent, so coverage is just under 1 and over the 0.8 threshold.
    assertThat(result.insights().getFirst().aiWritten()).as(result.warnings().toString()).isTrue();
    assertThat(result.insights().getFirst().quote()).startsWith("The best early engineers I've worked with had, uh,");
    assertThat(result.insights().getFirst().start()).isEqualTo(Duration.ofSeconds(41));
  }

  @Test
  void prose_and_code_fences_around_the_json_are_stripped_once() throws Exception {
    String fenced = "Here are the rewrites you asked for:\n```json\n" + Fixtures.read("good-answer.json") + "```\nHope this helps!";
    LlmConfig config = openAi(r -> new Reply.Text(fenced, 900, 160));

    RewriteResult result = writer(config, LlmCache.none()).rewrite(transcript, candidates);

    assertThat(result.warnings()).isEmpty();
    assertThat(result.rewrittenCount()).isEqualTo(3);
  }

  @Test
  void invalid_json_keeps_every_candidate_as_mined() throws Exception {
    LlmConfig config = openAi(r -> new Reply.Text(
        "Sure! Insight 1: hire for shipping. Insight 2: {on-call folks do no features}. Insight 3: write things down.",
        700, 40));

    RewriteResult result = writer(config, LlmCache.none()).rewrite(transcript, candidates);

    assertThat(result.insights()).isEqualTo(candidates);
    assertThat(result.warnings()).singleElement().isInstanceOfSatisfying(RewriteWarning.UnreadableAnswer.class,
        u -> assertThat(u.candidates()).isEqualTo(3));
    assertThat(result.warnings().getFirst().message()).startsWith("insight-llm: openai_compatible/fake-model answered without readable JSON");
    // The tokens were still spent, and charged.
    assertThat(result.tokensUsed()).isEqualTo(740);
  }

  @Test
  void an_empty_answer_keeps_the_candidates() throws Exception {
    LlmConfig config = openAi(r -> new Reply.Text("", 700, 0));

    RewriteResult result = writer(config, LlmCache.none()).rewrite(transcript, candidates);

    assertThat(result.insights()).isEqualTo(candidates);
    assertThat(result.warnings()).singleElement().isInstanceOfSatisfying(RewriteWarning.UnreadableAnswer.class,
        u -> assertThat(u.reason()).isEqualTo("empty answer"));
  }

  @Test
  void a_hallucinated_quote_falls_back_to_the_mined_candidate() throws Exception {
    String answer = answerFor(
        "Hire senior engineers from big companies first. They bring process and scale, and a startup that hires them "
            + "early grows faster than one that hires juniors who still need training.",
        "Hiring senior engineers from big companies is the fastest way to scale a startup");
    LlmConfig config = openAi(r -> new Reply.Text(answer, 500, 80));

    RewriteResult result = writer(config, LlmCache.none()).rewrite(transcript, candidates);

    assertThat(result.insights().getFirst()).isEqualTo(candidates.getFirst());
    assertThat(result.warnings()).filteredOn(RewriteWarning.UngroundedQuote.class::isInstance).singleElement()
        .satisfies(w -> assertThat(((RewriteWarning.UngroundedQuote) w).match()).isLessThan(0.8));
    // Candidates 2 and 3 had no entry in this answer.
    assertThat(result.warnings()).filteredOn(RewriteWarning.MissingRewrite.class::isInstance).hasSize(2);
    assertThat(result.insights()).noneMatch(Insight::aiWritten);
  }

  @Test
  void a_rewrite_that_drifted_from_its_quote_falls_back() throws Exception {
    String answer = answerFor(
        "Put your savings in a broad, low-cost index fund and stop checking it every day. Fees compound over decades, "
            + "so most people who pick single stocks end up behind the market.",
        "When you hire your first five people, weekly shipping matters more than pedigree");
    LlmConfig config = openAi(r -> new Reply.Text(answer, 500, 80));

    RewriteResult result = writer(config, LlmCache.none()).rewrite(transcript, candidates.subList(0, 1));

    assertThat(result.insights()).isEqualTo(candidates.subList(0, 1));
    assertThat(result.warnings()).singleElement().isInstanceOfSatisfying(RewriteWarning.MeaningDrift.class,
        d -> assertThat(d.similarity()).isLessThan(0.72));
  }

  @Test
  void a_rewrite_about_another_moment_of_the_episode_falls_back() throws Exception {
    String answer = answerFor(
        "Take whoever is on call off feature work for that week. Their only job is to make the pager quieter for the "
            + "next person, and fixing noisy alerts pays off quickly.",
        "When you hire your first five people, weekly shipping matters more than pedigree, because at that size nobody "
            + "can hide and every slow week is visible.");
    LlmConfig config = openAi(r -> new Reply.Text(answer, 500, 80));

    RewriteResult result = writer(config, LlmCache.none()).rewrite(transcript, candidates.subList(0, 1));

    assertThat(result.insights()).isEqualTo(candidates.subList(0, 1));
    assertThat(result.warnings()).singleElement().isInstanceOf(RewriteWarning.MeaningDrift.class);
  }

  @Test
  void a_timeout_falls_back_without_waiting_for_the_server() throws Exception {
    LlmConfig config = openAi(r -> new Reply.Hang()).withTimeout(Duration.ofSeconds(1));

    long began = System.nanoTime();
    RewriteResult result = writer(config, LlmCache.none()).rewrite(transcript, candidates);
    Duration took = Duration.ofNanos(System.nanoTime() - began);

    assertThat(result.insights()).isEqualTo(candidates);
    assertThat(result.warnings()).singleElement().isInstanceOfSatisfying(RewriteWarning.ModelFailed.class,
        f -> assertThat(f.reason()).containsIgnoringCase("timed out"));
    assertThat(took).isLessThan(Duration.ofSeconds(10));
    assertThat(result.tokensUsed()).isZero();
  }

  @Test
  void server_errors_are_retried_the_configured_times_then_fall_back() throws Exception {
    LlmConfig config = openAi(r -> new Reply.Status(503, "{\"error\":{\"message\":\"overloaded\"}}")).withMaxRetries(1);

    RewriteResult result = writer(config, LlmCache.none()).rewrite(transcript, candidates);

    assertThat(result.insights()).isEqualTo(candidates);
    assertThat(server.requests()).hasSize(2);
    assertThat(result.warnings()).singleElement().isInstanceOf(RewriteWarning.ModelFailed.class);
  }

  @Test
  void a_budget_too_small_for_the_call_makes_no_call() throws Exception {
    LlmConfig config = openAi(LlmInsightWriterTest::good).withDailyTokenBudget(200);

    RewriteResult result = writer(config, LlmCache.none()).rewrite(transcript, candidates);

    assertThat(server.requests()).isEmpty();
    assertThat(result.insights()).isEqualTo(candidates);
    assertThat(result.warnings()).singleElement().isInstanceOfSatisfying(RewriteWarning.BudgetExhausted.class,
        b -> assertThat(b.budget()).isEqualTo(200));
    assertThat(result.warnings().getFirst().message()).contains("daily token budget spent");
  }

  @Test
  void reported_usage_spends_the_budget_until_the_next_day() throws Exception {
    LlmConfig config = openAi(r -> new Reply.Text(Fixtures.read("good-answer.json"), 2_500, 400))
        .withDailyTokenBudget(4_000);
    LlmInsightWriter writer = writer(config, LlmCache.none());

    RewriteResult first = writer.rewrite(transcript, candidates);
    RewriteResult second = writer.rewrite(transcript, candidates);
    now.set(now.get().plus(Duration.ofDays(1)));
    RewriteResult nextDay = writer.rewrite(transcript, candidates);

    assertThat(first.rewrittenCount()).isEqualTo(3);
    assertThat(first.tokensUsed()).isEqualTo(2_900);
    assertThat(second.insights()).isEqualTo(candidates);
    assertThat(second.warnings()).singleElement().isInstanceOfSatisfying(RewriteWarning.BudgetExhausted.class,
        b -> assertThat(b.used()).isEqualTo(2_900));
    assertThat(nextDay.rewrittenCount()).isEqualTo(3);
    assertThat(server.requests()).hasSize(2);
  }

  @Test
  void without_reported_usage_the_tokens_are_estimated_from_the_text() throws Exception {
    LlmConfig config = openAi(r -> new Reply.Text(Fixtures.read("good-answer.json"), -1, -1));
    LlmInsightWriter writer = writer(config, LlmCache.none());

    RewriteResult result = writer.rewrite(transcript, candidates);

    assertThat(result.rewrittenCount()).isEqualTo(3);
    String request = server.requests().getFirst().body();
    // About 4 characters a token over prompt and answer: the request body is a little longer than the prompt.
    long upper = (request.length() + Fixtures.read("good-answer.json").length()) / 4 + 1;
    assertThat(result.tokensUsed()).isBetween(upper / 2, upper);
  }

  @Test
  void a_long_paragraph_is_cut_to_a_window_around_the_candidate() throws Exception {
    StringBuilder filler = new StringBuilder();
    for (int i = 0; filler.length() < 6_000; i++) filler.append("We talked about topic number ").append(i).append(". ");
    String key = "When you hire your first five people, weekly shipping matters more than pedigree, because at that "
        + "size nobody can hide and every slow week is visible.";
    Transcript paragraph = new Transcript(
        List.of(io.podinsights.transcript.Segment.of(0, 600, "Maria", filler + key + " " + filler)),
        transcript.source());
    Insight candidate = Fixtures.candidate(key, "0:00", "10:00", 0.9);
    LlmConfig config = openAi(LlmInsightWriterTest::good);

    RewriteResult result = writer(config, LlmCache.none()).rewrite(paragraph, List.of(candidate));

    assertThat(server.requests().getFirst().body().length()).isLessThan(6_000);
    assertThat(result.insights().getFirst().aiWritten()).as(result.warnings().toString()).isTrue();
    assertThat(result.insights().getFirst().quote()).isEqualTo(key);
  }

  @Test
  void a_cached_answer_makes_the_second_run_free() throws Exception {
    LlmConfig config = openAi(LlmInsightWriterTest::good);
    FileLlmCache cache = new FileLlmCache(tmp.resolve("llm-cache"));

    RewriteResult first = writer(config, cache).rewrite(transcript, candidates);
    RewriteResult second = writer(config, new FileLlmCache(tmp.resolve("llm-cache"))).rewrite(transcript, candidates);

    assertThat(server.requests()).hasSize(1);
    assertThat(second.modelCalls()).isZero();
    assertThat(second.cacheHits()).isEqualTo(1);
    assertThat(second.tokensUsed()).isZero();
    assertThat(second.insights()).isEqualTo(first.insights()).allMatch(Insight::aiWritten);
  }

  @Test
  void another_model_does_not_reuse_the_cached_answer() throws Exception {
    LlmConfig config = openAi(LlmInsightWriterTest::good);
    FileLlmCache cache = new FileLlmCache(tmp.resolve("llm-cache"));
    writer(config, cache).rewrite(transcript, candidates);

    LlmConfig other = LlmConfig.of(Provider.OPENAI_COMPATIBLE, server.baseUrl(), Optional.empty(), "other-model");
    RewriteResult result = writer(other, cache).rewrite(transcript, candidates);

    assertThat(server.requests()).hasSize(2);
    assertThat(result.cacheHits()).isZero();
  }

  @Test
  void a_small_context_splits_the_candidates_over_several_calls() throws Exception {
    LlmConfig config = openAi(LlmInsightWriterTest::good).withMaxAnswerTokens(400).withContextTokens(1_100);

    RewriteResult result = writer(config, LlmCache.none()).rewrite(transcript, candidates);

    assertThat(server.requests().size()).isGreaterThan(1);
    for (FakeModelServer.Request r : server.requests()) {
      // Every request stays within the configured context at ~4 characters a token.
      assertThat(r.body().length() / 4).isLessThan(1_100);
    }
    assertThat(result.rewrittenCount()).isEqualTo(3);
    assertThat(result.modelCalls()).isEqualTo(server.requests().size());
  }

  @Test
  void a_rewrite_outside_the_house_length_is_not_used() throws Exception {
    String answer = answerFor("Hire for shipping.", "weekly shipping matters more than pedigree");
    LlmConfig config = openAi(r -> new Reply.Text(answer, 500, 20));

    RewriteResult result = writer(config, LlmCache.none()).rewrite(transcript, candidates.subList(0, 1));

    assertThat(result.insights()).isEqualTo(candidates.subList(0, 1));
    assertThat(result.warnings()).singleElement().isInstanceOf(RewriteWarning.WrongLength.class);
  }

  @Test
  void no_candidates_means_no_call() throws Exception {
    LlmConfig config = openAi(LlmInsightWriterTest::good);

    RewriteResult result = writer(config, LlmCache.none()).rewrite(transcript, List.of());

    assertThat(result.insights()).isEmpty();
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void the_token_budget_rolls_over_in_its_own_zone() {
    TokenBudget budget = new TokenBudget(100, clock, ZoneOffset.UTC);
    budget.charge(90);
    assertThat(budget.admit(20).admitted()).isFalse();
    assertThat(budget.admit(10).admitted()).isTrue();
    now.set(Instant.parse("2026-11-24T00:00:01Z"));
    assertThat(budget.usedToday()).isZero();
    assertThat(budget.remainingToday()).isEqualTo(100);
  }
}
