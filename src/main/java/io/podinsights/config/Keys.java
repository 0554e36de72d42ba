package io.podinsights.config;

import static io.podinsights.config.ConfigKey.bool;
import static io.podinsights.config.ConfigKey.bytes;
import static io.podinsights.config.ConfigKey.duration;
import static io.podinsights.config.ConfigKey.integer;
import static io.podinsights.config.ConfigKey.text;
import static io.podinsights.config.ConfigKey.time;
import static io.podinsights.config.ConfigKey.zone;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/** Every config key podinsights reads, with its default and meaning; the README's configuration table is this list. */
public final class Keys {
  private Keys() {}

  public static final ConfigKey<String> DATA_DIR =
      text("data-dir", "./data", "Directory for the database, caches, models and written digests.");

  public static final ConfigKey<String> DATABASE_URL = text("database.url", "",
      "JDBC URL. Empty: a SQLite file data-dir/podinsights.db. jdbc:postgresql://host/db for PostgreSQL.");
  public static final ConfigKey<String> DATABASE_USER = text("database.user", "", "Database user (PostgreSQL).");
  public static final ConfigKey<String> DATABASE_PASSWORD =
      text("database.password", "", "Database password (PostgreSQL).");
  public static final ConfigKey<Integer> DATABASE_POOL_SIZE =
      integer("database.pool-size", "4", "Connections in the pool.");

  public static final ConfigKey<String> FETCH_USER_AGENT = text("fetch.user-agent",
      "podinsights/0.1 (+https://github.com/podinsights/podinsights)", "User-Agent sent with every request.");
  public static final ConfigKey<Duration> FETCH_CONNECT_TIMEOUT =
      duration("fetch.connect-timeout", "10s", "Time allowed to connect.");
  public static final ConfigKey<Duration> FETCH_TIMEOUT =
      duration("fetch.timeout", "30s", "Total time allowed for one feed or transcript request.");
  public static final ConfigKey<Long> FETCH_MAX_FEED_SIZE =
      bytes("fetch.max-feed-size", "20MB", "Largest feed or transcript accepted, after decompression.");
  public static final ConfigKey<Boolean> FETCH_ALLOW_PRIVATE_NETWORKS = bool("fetch.allow-private-networks", "false",
      "Allow feeds on loopback and private addresses (self-hosted feeds). Off: such addresses are refused.");
  public static final ConfigKey<Integer> FETCH_PER_HOST_LIMIT =
      integer("fetch.per-host-limit", "2", "Concurrent requests to one host.");

  public static final ConfigKey<Duration> POLL_INTERVAL =
      duration("poll.interval", "1h", "How often a feed is polled when it says nothing else.");
  public static final ConfigKey<Duration> POLL_MAX_INTERVAL =
      duration("poll.max-interval", "24h", "Longest wait between polls, also after repeated failures.");
  public static final ConfigKey<Integer> POLL_CONCURRENCY =
      integer("poll.concurrency", "64", "Feeds fetched at once in a scan (virtual threads).");

  public static final ConfigKey<Integer> PIPELINE_BACKFILL = integer("pipeline.backfill", "3",
      "Episodes of a newly added podcast that are processed (its newest); older ones are only listed.");
  public static final ConfigKey<Integer> PIPELINE_MAX_ATTEMPTS =
      integer("pipeline.max-attempts", "5", "Tries per episode stage before it stays failed.");
  public static final ConfigKey<Duration> PIPELINE_RETRY_DELAY =
      duration("pipeline.retry-delay", "10m", "First wait before retrying a failed stage; doubles each time.");

  public static final ConfigKey<String> DIGEST_RECIPIENT = text("digest.recipient", "",
      "E-mail address the daily digest goes to. Empty: the digest is printed and written to data-dir/digests.");
  public static final ConfigKey<LocalTime> DIGEST_TIME = time("digest.time", "07:00", "Local time of the daily digest.");
  public static final ConfigKey<ZoneId> DIGEST_ZONE = zone("digest.zone", "system", "Time zone of digest.time.");
  public static final ConfigKey<Integer> DIGEST_SIZE = integer("digest.size", "5", "Insights per digest.");

  public static final ConfigKey<String> SMTP_HOST = text("smtp.host", "", "SMTP server. Empty: no e-mail is sent.");
  public static final ConfigKey<Integer> SMTP_PORT = integer("smtp.port", "587", "SMTP port.");
  public static final ConfigKey<String> SMTP_USERNAME = text("smtp.username", "", "SMTP user, if the server wants one.");
  public static final ConfigKey<String> SMTP_PASSWORD = text("smtp.password", "", "SMTP password.");
  public static final ConfigKey<String> SMTP_FROM = text("smtp.from", "podinsights@localhost", "Sender address.");
  public static final ConfigKey<String> SMTP_STARTTLS =
      text("smtp.starttls", "optional", "STARTTLS: none, optional or required.");

  public static final ConfigKey<String> SPEECH_ENGINE =
      text("speech.engine", "vosk", "Speech-to-text engine: vosk, whisper or api.");
  public static final ConfigKey<String> SPEECH_MODEL_DIR = text("speech.model-dir", "",
      "A Vosk model directory to use instead of the bundled small English model.");
  public static final ConfigKey<Integer> SPEECH_WORKERS =
      integer("speech.workers", "0", "Recognisers working in parallel; 0 means one per core.");
  public static final ConfigKey<Long> SPEECH_MAX_AUDIO_SIZE =
      bytes("speech.max-audio-size", "1GB", "Largest audio file downloaded.");
  public static final ConfigKey<Boolean> SPEECH_KEEP_AUDIO =
      bool("speech.keep-audio", "false", "Keep downloaded audio after transcription.");
  public static final ConfigKey<String> SPEECH_WHISPER_MODEL =
      text("speech.whisper-model", "", "Path of a ggml model file for speech.engine=whisper.");
  public static final ConfigKey<String> SPEECH_API_URL = text("speech.api-url", "",
      "Base URL of an OpenAI-compatible transcription API for speech.engine=api (…/v1).");
  public static final ConfigKey<String> SPEECH_API_KEY = text("speech.api-key", "", "API key for speech.api-url.");
  public static final ConfigKey<String> SPEECH_API_MODEL =
      text("speech.api-model", "whisper-1", "Model name sent to speech.api-url.");

  public static final ConfigKey<String> LLM_PROVIDER = text("llm.provider", "none",
      "Optional insight writer: none, openai (any OpenAI-compatible server), anthropic or ollama.");
  public static final ConfigKey<String> LLM_BASE_URL = text("llm.base-url", "", "The model server's base URL.");
  public static final ConfigKey<String> LLM_API_KEY = text("llm.api-key", "", "API key for the model server.");
  public static final ConfigKey<String> LLM_MODEL = text("llm.model", "", "Model name.");
  public static final ConfigKey<Duration> LLM_TIMEOUT = duration("llm.timeout", "60s", "Time allowed for one answer.");
  public static final ConfigKey<Integer> LLM_DAILY_TOKEN_BUDGET =
      integer("llm.daily-token-budget", "200000", "Tokens the writer may use per day.");

  public static final List<ConfigKey<?>> ALL = List.of(
      DATA_DIR,
      DATABASE_URL, DATABASE_USER, DATABASE_PASSWORD, DATABASE_POOL_SIZE,
      FETCH_USER_AGENT, FETCH_CONNECT_TIMEOUT, FETCH_TIMEOUT, FETCH_MAX_FEED_SIZE, FETCH_ALLOW_PRIVATE_NETWORKS,
      FETCH_PER_HOST_LIMIT,
      POLL_INTERVAL, POLL_MAX_INTERVAL, POLL_CONCURRENCY,
      PIPELINE_BACKFILL, PIPELINE_MAX_ATTEMPTS, PIPELINE_RETRY_DELAY,
      DIGEST_RECIPIENT, DIGEST_TIME, DIGEST_ZONE, DIGEST_SIZE,
      SMTP_HOST, SMTP_PORT, SMTP_USERNAME, SMTP_PASSWORD, SMTP_FROM, SMTP_STARTTLS,
      SPEECH_ENGINE, SPEECH_MODEL_DIR, SPEECH_WORKERS, SPEECH_MAX_AUDIO_SIZE, SPEECH_KEEP_AUDIO, SPEECH_WHISPER_MODEL,
      SPEECH_API_URL, SPEECH_API_KEY, SPEECH_API_MODEL,
      LLM_PROVIDER, LLM_BASE_URL, LLM_API_KEY, LLM_MODEL, LLM_TIMEOUT, LLM_DAILY_TOKEN_BUDGET);
}
