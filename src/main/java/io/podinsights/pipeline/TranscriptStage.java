package io.podinsights.pipeline;

import io.podinsights.feed.fetch.DownloadRequest;
import io.podinsights.feed.fetch.DownloadResult;
import io.podinsights.feed.fetch.FetchRequest;
import io.podinsights.feed.fetch.FetchResult;
import io.podinsights.feed.fetch.GuardedHttpClient;
import io.podinsights.podcast.Enclosure;
import io.podinsights.storage.EpisodeRepository;
import io.podinsights.storage.StoredEpisode;
import io.podinsights.storage.TranscriptRepository;
import io.podinsights.transcript.Transcript;
import io.podinsights.transcript.format.FetchedBody;
import io.podinsights.transcript.format.PublishedTranscript;
import io.podinsights.transcript.format.PublishedTranscripts;
import io.podinsights.transcript.speech.ChunkStore;
import io.podinsights.transcript.speech.SpeechException;
import io.podinsights.transcript.speech.SpeechResult;
import io.podinsights.transcript.speech.Transcriber;
import io.podinsights.transcript.speech.TranscriptionJob;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transcript stage of one episode: the publisher's transcript when the feed links a readable one, otherwise our
 * own speech-to-text of the enclosure (downloaded through the guarded client, deleted afterwards unless kept).
 */
public final class TranscriptStage {
  private static final Logger LOG = LoggerFactory.getLogger(TranscriptStage.class);

  private final EpisodeRepository episodes;
  private final TranscriptRepository transcripts;
  private final GuardedHttpClient http;
  private final Supplier<Transcriber> speech;
  private final AudioSettings audio;
  private final InstantSource clock;

  public TranscriptStage(EpisodeRepository episodes, TranscriptRepository transcripts, GuardedHttpClient http,
      Supplier<Transcriber> speech, AudioSettings audio, InstantSource clock) {
    this.episodes = episodes;
    this.transcripts = transcripts;
    this.http = http;
    this.speech = speech;
    this.audio = audio;
    this.clock = clock;
  }

  StageOutcome run(long episodeId) {
    Optional<StoredEpisode> found = episodes.byId(episodeId);
    if (found.isEmpty()) return new StageOutcome.GiveUp("transcript: episode " + episodeId + " no longer exists");
    StoredEpisode stored = found.get();
    PublishedTranscript published = new PublishedTranscripts(this::fetch).read(stored.episode().transcripts());
    return switch (published) {
      case PublishedTranscript.Found f -> save(episodeId, f.transcript(), "publisher transcript ("
          + f.transcript().segments().size() + " segments" + (f.skipped().isEmpty() ? "" : ", after "
          + f.skipped().size() + " unusable link" + (f.skipped().size() == 1 ? "" : "s")) + ")");
      case PublishedTranscript.Missing m -> stored.episode().enclosure()
          .map(enclosure -> transcribe(stored, enclosure, m))
          .orElseGet(() -> new StageOutcome.GiveUp(m.tried().isEmpty()
              ? "transcript: the episode has neither a transcript nor an audio file"
              : m.reason().replace("; transcribe the audio instead", "") + "; and the episode has no audio file"));
    };
  }

  private StageOutcome save(long episodeId, Transcript transcript, String summary) {
    if (transcript.isEmpty()) return new StageOutcome.GiveUp("transcript: the transcript has no words");
    transcripts.saveAndAdvance(episodeId, transcript, clock.instant());
    return new StageOutcome.Done(summary);
  }

  private FetchedBody fetch(io.podinsights.podcast.TranscriptLink link) {
    URI url;
    try {
      url = URI.create(link.url().strip());
    } catch (IllegalArgumentException e) {
      return new FetchedBody.Failed("not a valid URL");
    }
    FetchResult result = http.fetch(new FetchRequest(url, Optional.empty(), Optional.empty(), audio.maxTranscriptBytes(),
        "application/json, text/vtt, application/x-subrip, text/html;q=0.8, text/plain;q=0.7, */*;q=0.1"));
    return switch (result) {
      case FetchResult.Fetched f -> new FetchedBody.Fetched(f.body(), f.contentType());
      case FetchResult.NotModified n -> new FetchedBody.Failed("answered 304 Not Modified to an unconditional request");
      case FetchResult.Failed f -> new FetchedBody.Failed(f.error().message());
    };
  }

  private StageOutcome transcribe(StoredEpisode stored, Enclosure enclosure, PublishedTranscript.Missing why) {
    if (!why.tried().isEmpty()) LOG.info("step=transcript episode={} fallback=speech reason=\"{}\"", stored.id(), why.reason());
    Path dir = audio.dataDir().resolve("audio");
    Path file = dir.resolve(stored.id() + extension(enclosure));
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      return new StageOutcome.Retry("transcript: can't create " + dir + ": " + e.getMessage());
    }
    URI url;
    try {
      url = URI.create(enclosure.url().strip());
    } catch (IllegalArgumentException e) {
      return new StageOutcome.GiveUp("transcript: the audio URL is not valid: " + enclosure.url());
    }
    try {
      if (!Files.isRegularFile(file)) {
        DownloadResult download = http.download(new DownloadRequest(url, file, audio.maxAudioBytes()),
            (done, total) -> {});
        if (download instanceof DownloadResult.DownloadFailed failed) {
          return new StageOutcome.Retry("transcript: audio download failed: " + failed.error().message());
        }
      }
      SpeechResult result = speech.get().transcribe(
          new TranscriptionJob(file, TranscriptionJob.workDirFor(audio.dataDir(), "episode-" + stored.id())),
          progress -> {});
      StageOutcome outcome = save(stored.id(), result.transcript(), "machine transcript ("
          + result.transcript().segments().size() + " segments, " + result.chunksRecognised() + " chunks recognised, "
          + result.chunksResumed() + " resumed)");
      deleteAudio(file);
      ChunkStore.deleteWorkDir(TranscriptionJob.workDirFor(audio.dataDir(), "episode-" + stored.id()));
      return outcome;
    } catch (SpeechException e) {
      if (e.kind().retryable()) return new StageOutcome.Retry(e.getMessage());
      deleteAudio(file);
      ChunkStore.deleteWorkDir(TranscriptionJob.workDirFor(audio.dataDir(), "episode-" + stored.id()));
      return new StageOutcome.GiveUp(e.getMessage());
    }
  }

  private void deleteAudio(Path file) {
    if (audio.keepAudio()) return;
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.warn("step=transcript file={} error=\"can't delete: {}\"", file, e.getMessage());
    }
  }

  private static String extension(Enclosure enclosure) {
    String path;
    try {
      path = URI.create(enclosure.url().strip()).getPath();
    } catch (IllegalArgumentException e) {
      return ".audio";
    }
    int dot = path == null ? -1 : path.lastIndexOf('.');
    String ext = dot < 0 ? "" : path.substring(dot);
    return ext.matches("\\.[A-Za-z0-9]{1,5}") ? ext : ".audio";
  }

  /** Where audio goes, its size cap, whether it is kept, and the transcript size cap. */
  public record AudioSettings(Path dataDir, long maxAudioBytes, long maxTranscriptBytes, boolean keepAudio) {}
}
