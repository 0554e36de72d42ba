package io.podinsights;

import io.podinsights.cli.PodinsightsCommand;
import io.podinsights.config.Config;
import io.podinsights.config.Keys;
import io.podinsights.storage.Database;
import io.podinsights.storage.DatabaseRequest;
import io.podinsights.storage.DigestRepository;
import io.podinsights.storage.EpisodeRepository;
import io.podinsights.storage.FeedRepository;
import io.podinsights.storage.InsightRepository;
import io.podinsights.storage.StageRepository;
import io.podinsights.storage.TranscriptRepository;
import io.podinsights.feed.fetch.AddressPolicy;
import io.podinsights.feed.fetch.AllowedEndpoint;
import io.podinsights.feed.fetch.FetchPolicy;
import io.podinsights.feed.fetch.GuardedHttpClient;
import io.podinsights.feed.fetch.PollPolicy;
import io.podinsights.feed.parse.FeedParser;
import io.podinsights.insight.BgeSmallEmbedder;
import io.podinsights.insight.Embedder;
import io.podinsights.insight.MinerSettings;
import io.podinsights.insight.OfflineMiner;
import io.podinsights.config.ConfigException;
import io.podinsights.insight.llm.FileLlmCache;
import io.podinsights.insight.llm.LlmConfig;
import io.podinsights.insight.llm.LlmInsightWriter;
import io.podinsights.insight.llm.RewriteSettings;
import io.podinsights.digest.DigestRenderer;
import io.podinsights.digest.Mailer;
import io.podinsights.digest.RenderConfig;
import io.podinsights.digest.SmtpConfig;
import io.podinsights.digest.SmtpMailer;
import io.podinsights.pipeline.DigestService;
import io.podinsights.pipeline.EpisodeProcessor;
import io.podinsights.ranking.Ranker;
import io.podinsights.ranking.RankingPolicy;
import io.podinsights.pipeline.FeedPoller;
import io.podinsights.pipeline.InsightStage;
import io.podinsights.pipeline.RetryPolicy;
import io.podinsights.pipeline.TranscriptStage;
import io.podinsights.transcript.speech.SpeechConfig;
import io.podinsights.transcript.speech.Transcriber;
import io.podinsights.transcript.speech.Transcribers;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The main entry and the wiring: builds every part from the config by hand (nothing is found by scanning). Parts are
 * made on first use, so a quick command like {@code list} never loads the speech or embedding models.
 */
public final class App implements AutoCloseable {
  private final Config config;
  private final InstantSource clock;
  private final List<AllowedEndpoint> allowed;
  private final Lazy<Database> db;
  private final Lazy<GuardedHttpClient> http = new Lazy<>(this::makeHttp);
  private final Lazy<Transcriber> transcriber = new Lazy<>(this::makeTranscriber);
  private final Lazy<Embedder> embedder = new Lazy<>(BgeSmallEmbedder::new);
  private final Lazy<OfflineMiner> miner = new Lazy<>(this::makeMiner);
  private final Lazy<LlmInsightWriter> writer = new Lazy<>(this::makeWriter);

  private App(Config config, InstantSource clock, List<AllowedEndpoint> allowed) {
    this.config = config;
    this.clock = clock;
    this.allowed = List.copyOf(allowed);
    this.db = new Lazy<>(() -> Database.open(new DatabaseRequest(
        config.databaseUrl(),
        nonBlank(config.get(Keys.DATABASE_USER)),
        nonBlank(config.get(Keys.DATABASE_PASSWORD)),
        config.get(Keys.DATABASE_POOL_SIZE))));
  }

  public static void main(String[] args) {
    System.exit(PodinsightsCommand.commandLine().execute(args));
  }

  public static App open(Config config, InstantSource clock) {
    return new App(config, clock, List.of());
  }

  /** An app whose HTTP guard also lets through these exact endpoints (the offline demo's loopback server). */
  public static App open(Config config, InstantSource clock, List<AllowedEndpoint> allowed) {
    return new App(config, clock, allowed);
  }

  public Config config() {
    return config;
  }

  public InstantSource clock() {
    return clock;
  }

  public Database db() {
    return db.get();
  }

  public FeedRepository feeds() {
    return new FeedRepository(db());
  }

  public EpisodeRepository episodes() {
    return new EpisodeRepository(db());
  }

  public StageRepository stages() {
    return new StageRepository(db());
  }

  public TranscriptRepository transcripts() {
    return new TranscriptRepository(db());
  }

  public InsightRepository insights() {
    return new InsightRepository(db());
  }

  public DigestRepository digests() {
    return new DigestRepository(db());
  }

  public GuardedHttpClient http() {
    return http.get();
  }

  public FeedParser parser() {
    return new FeedParser(clock);
  }

  /** The offline insight miner (loads the embedding model on first use). */
  public OfflineMiner miner() {
    return miner.get();
  }

  /** The speech-to-text engine chosen by {@code speech.engine} (loads its model on first use). */
  public Transcriber transcriber() {
    return transcriber.get();
  }

  public SpeechConfig speechConfig() {
    SpeechConfig speech = SpeechConfig.defaults().withEngine(SpeechConfig.Engine.parse(config.get(Keys.SPEECH_ENGINE)));
    int workers = config.get(Keys.SPEECH_WORKERS);
    if (workers > 0) speech = speech.withWorkers(workers);
    String modelDir = config.get(Keys.SPEECH_MODEL_DIR);
    if (!modelDir.isBlank()) speech = speech.withModelDir(Path.of(modelDir));
    String whisper = config.get(Keys.SPEECH_WHISPER_MODEL);
    if (!whisper.isBlank()) speech = speech.withWhisperModelFile(Path.of(whisper));
    String api = config.get(Keys.SPEECH_API_URL);
    if (!api.isBlank()) {
      speech = speech.withApi(new SpeechConfig.ApiEndpoint(URI.create(api), nonBlank(config.get(Keys.SPEECH_API_KEY)),
          config.get(Keys.SPEECH_API_MODEL)));
    }
    return speech;
  }

  public FeedPoller poller() {
    PollPolicy policy = new PollPolicy(config.get(Keys.POLL_INTERVAL), config.get(Keys.POLL_MAX_INTERVAL),
        Duration.ofDays(7));
    return new FeedPoller(http(), parser(), feeds(), episodes(), new FeedPoller.PollSettings(policy,
        config.get(Keys.FETCH_MAX_FEED_SIZE), config.get(Keys.POLL_CONCURRENCY), 100_000,
        config.get(Keys.PIPELINE_BACKFILL)), clock);
  }

  public EpisodeProcessor processor() {
    TranscriptStage transcripts = new TranscriptStage(episodes(), transcripts(), http(), transcriber::get,
        new TranscriptStage.AudioSettings(config.dataDir(), config.get(Keys.SPEECH_MAX_AUDIO_SIZE),
            config.get(Keys.FETCH_MAX_FEED_SIZE), config.get(Keys.SPEECH_KEEP_AUDIO)), clock);
    Optional<Supplier<LlmInsightWriter>> llm = "none".equalsIgnoreCase(config.get(Keys.LLM_PROVIDER))
        ? Optional.empty()
        : Optional.of(writer::get);
    InsightStage insights = new InsightStage(transcripts(), insights(), miner::get, llm, clock);
    return new EpisodeProcessor(stages(), transcripts, insights,
        new RetryPolicy(config.get(Keys.PIPELINE_MAX_ATTEMPTS), config.get(Keys.PIPELINE_RETRY_DELAY)), clock);
  }

  /** Who the digest is for: {@code digest.recipient}, or "local" when no address is set. */
  public String recipient() {
    String r = config.get(Keys.DIGEST_RECIPIENT).strip();
    return r.isEmpty() ? "local" : r;
  }

  public DigestService digestService() {
    Optional<Mailer> mailer = Optional.empty();
    if (!config.get(Keys.SMTP_HOST).isBlank() && !recipient().equals("local")) {
      SmtpConfig smtp = SmtpConfig.of(config.get(Keys.SMTP_HOST), config.get(Keys.SMTP_FROM))
          .withPort(config.get(Keys.SMTP_PORT))
          .withStartTls(SmtpConfig.StartTls.valueOf(config.get(Keys.SMTP_STARTTLS).strip().toUpperCase(Locale.ROOT)));
      if (!config.get(Keys.SMTP_USERNAME).isBlank()) {
        smtp = smtp.withLogin(config.get(Keys.SMTP_USERNAME), config.get(Keys.SMTP_PASSWORD));
      }
      mailer = Optional.of(new SmtpMailer(smtp, clock));
    }
    int size = config.get(Keys.DIGEST_SIZE);
    return new DigestService(insights(), episodes(), transcripts(), digests(),
        new Ranker(RankingPolicy.DEFAULTS.withSize(size), clock), new DigestRenderer(RenderConfig.DEFAULTS), mailer,
        new DigestService.DigestSettings(recipient(), config.get(Keys.DIGEST_ZONE), config.get(Keys.DIGEST_TIME), size,
            config.dataDir().resolve("digests"), "podinsights"),
        clock);
  }

  private GuardedHttpClient makeHttp() {
    AddressPolicy addresses = config.get(Keys.FETCH_ALLOW_PRIVATE_NETWORKS)
        ? AddressPolicy.allowPrivateNetworks()
        : AddressPolicy.denyNonPublic();
    for (AllowedEndpoint endpoint : allowed) addresses = addresses.allowing(endpoint);
    FetchPolicy policy = FetchPolicy.defaults()
        .withAddresses(addresses)
        .withTimeouts(config.get(Keys.FETCH_CONNECT_TIMEOUT), config.get(Keys.FETCH_CONNECT_TIMEOUT),
            config.get(Keys.FETCH_TIMEOUT))
        .withPerHostLimit(config.get(Keys.FETCH_PER_HOST_LIMIT));
    return new GuardedHttpClient(policy, clock);
  }

  private Transcriber makeTranscriber() {
    return Transcribers.create(speechConfig(), config.dataDir(), clock);
  }

  private OfflineMiner makeMiner() {
    return new OfflineMiner(embedder.get(), MinerSettings.defaults());
  }

  private LlmInsightWriter makeWriter() {
    return LlmInsightWriter.create(llmConfig(), RewriteSettings.DEFAULTS, embedder.get(),
        new FileLlmCache(config.dataDir().resolve("llm-cache")), clock);
  }

  /** The LLM writer's settings from {@code llm.*}; only called when {@code llm.provider} is not {@code none}. */
  public LlmConfig llmConfig() {
    String provider = config.get(Keys.LLM_PROVIDER).strip().toLowerCase(java.util.Locale.ROOT);
    LlmConfig.Provider kind = switch (provider) {
      case "openai" -> LlmConfig.Provider.OPENAI_COMPATIBLE;
      case "anthropic" -> LlmConfig.Provider.ANTHROPIC;
      case "ollama" -> LlmConfig.Provider.OLLAMA;
      default -> throw new ConfigException("config: llm.provider must be none, openai, anthropic or ollama, not '"
          + provider + "'");
    };
    String baseUrl = config.get(Keys.LLM_BASE_URL);
    if (baseUrl.isBlank()) {
      baseUrl = switch (kind) {
        case OPENAI_COMPATIBLE -> "https://api.openai.com/v1";
        case ANTHROPIC -> "https://api.anthropic.com/v1/";
        case OLLAMA -> "http://127.0.0.1:11434";
      };
    }
    if (config.get(Keys.LLM_MODEL).isBlank()) throw new ConfigException("config: llm.model is needed when llm.provider is set");
    return LlmConfig.of(kind, baseUrl, nonBlank(config.get(Keys.LLM_API_KEY)), config.get(Keys.LLM_MODEL))
        .withTimeout(config.get(Keys.LLM_TIMEOUT))
        .withDailyTokenBudget(config.get(Keys.LLM_DAILY_TOKEN_BUDGET));
  }

  @Override
  public void close() {
    transcriber.ifMade(Transcriber::close);
    http.ifMade(GuardedHttpClient::close);
    db.ifMade(Database::close);
  }

  private static Optional<String> nonBlank(String s) {
    return s.isBlank() ? Optional.empty() : Optional.of(s);
  }

  /** A part made on first use, once. */
  private static final class Lazy<T> {
    private final Supplier<T> maker;
    private T value;

    Lazy(Supplier<T> maker) {
      this.maker = maker;
    }

    synchronized T get() {
      if (value == null) value = maker.get();
      return value;
    }

    synchronized void ifMade(java.util.function.Consumer<T> action) {
      if (value != null) action.accept(value);
    }
  }
}
