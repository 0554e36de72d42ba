package io.podinsights.storage;

import io.podinsights.transcript.Transcript;
import io.podinsights.transcript.TranscriptFormat;
import io.podinsights.transcript.TranscriptSource;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Episode transcripts, with where each came from. */
public final class TranscriptRepository {
  private final Jdbi jdbi;

  public TranscriptRepository(Database db) {
    this.jdbi = db.jdbi();
  }

  /** Saves the transcript, marks the episode's transcript stage done and queues insight mining, in one transaction. */
  public void saveAndAdvance(long episodeId, Transcript transcript, Instant now) {
    jdbi.useTransaction(h -> {
      String source;
      String url = null;
      String format = null;
      String engine = null;
      switch (transcript.source()) {
        case TranscriptSource.Published p -> {
          source = "publisher";
          url = p.url();
          format = p.format().name();
        }
        case TranscriptSource.Transcribed t -> {
          source = "machine";
          engine = t.engine() + (t.model().isBlank() ? "" : " " + t.model());
        }
        case TranscriptSource.Local l -> {
          source = "file";
          url = l.path();
          format = l.format().name();
        }
      }
      h.createUpdate("insert into transcripts (episode_id, source, source_url, format, engine, segments, created_at)"
              + " values (:episode, :source, :url, :format, :engine, :segments, :now)"
              + " on conflict (episode_id) do update set source = excluded.source, source_url = excluded.source_url,"
              + " format = excluded.format, engine = excluded.engine, segments = excluded.segments,"
              + " created_at = excluded.created_at")
          .bind("episode", episodeId).bind("source", source).bind("url", url).bind("format", format)
          .bind("engine", engine).bind("segments", Json.segments(transcript.segments()))
          .bind("now", now.toEpochMilli()).execute();
      StageRepository.finish(h, episodeId, Stage.TRANSCRIPT, now);
      StageRepository.enqueue(h, episodeId, Stage.INSIGHTS, now.toEpochMilli());
    });
  }

  /** Where the episode's transcript came from, without loading its text. */
  public Optional<TranscriptSource> source(long episodeId) {
    return jdbi.withHandle(h -> h.createQuery("select source, source_url, format, engine from transcripts"
            + " where episode_id = :episode")
        .bind("episode", episodeId)
        .map((rs, ctx) -> source(rs.getString("source"), rs.getString("source_url"), rs.getString("format"),
            rs.getString("engine")))
        .findOne());
  }

  public Optional<Transcript> find(long episodeId) {
    return jdbi.withHandle(h -> h.createQuery("select source, source_url, format, engine, segments from transcripts"
            + " where episode_id = :episode")
        .bind("episode", episodeId)
        .map((rs, ctx) -> {
          TranscriptSource source = source(rs.getString("source"), rs.getString("source_url"), rs.getString("format"),
              rs.getString("engine"));
          return new Transcript(Json.segments(rs.getString("segments")), source);
        })
        .findOne());
  }

  private static TranscriptSource source(String kind, String url, String format, String engine) {
    return switch (kind) {
      case "publisher" -> new TranscriptSource.Published(url, TranscriptFormat.valueOf(format));
      case "file" -> new TranscriptSource.Local(url, TranscriptFormat.valueOf(format));
      default -> machine(engine);
    };
  }

  private static TranscriptSource machine(String engine) {
    String e = engine == null ? "unknown" : engine;
    int space = e.indexOf(' ');
    return space < 0
        ? new TranscriptSource.Transcribed(e, "")
        : new TranscriptSource.Transcribed(e.substring(0, space), e.substring(space + 1));
  }
}
