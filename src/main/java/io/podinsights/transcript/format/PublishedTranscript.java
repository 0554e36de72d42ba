package io.podinsights.transcript.format;

import io.podinsights.podcast.TranscriptLink;
import io.podinsights.transcript.Transcript;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** The outcome of reading an episode's publisher transcripts: one read, or why none could be. */
public sealed interface PublishedTranscript {

  /** A link that was tried and skipped, and why. */
  record Attempt(TranscriptLink link, String reason) {
    public Attempt {
      Objects.requireNonNull(link, "transcript: link");
      if (reason == null || reason.isBlank()) throw new IllegalArgumentException("transcript: empty attempt reason");
    }

    public String describe() {
      return link.url() + (link.type().isBlank() ? "" : " (" + link.type() + ")") + ": " + reason;
    }
  }

  /** A transcript was read; {@code skipped} are the better-ranked links that failed first. */
  record Found(Transcript transcript, List<Attempt> skipped) implements PublishedTranscript {
    public Found {
      Objects.requireNonNull(transcript, "transcript: transcript");
      skipped = List.copyOf(skipped);
    }
  }

  /** No link gave a transcript; {@code tried} lists every link in the order tried (empty when the feed has none). */
  record Missing(List<Attempt> tried) implements PublishedTranscript {
    public Missing {
      tried = List.copyOf(tried);
    }

    /** A readable reason, starting with "transcript:". */
    public String reason() {
      if (tried.isEmpty()) return "transcript: the feed links no transcript for this episode; transcribe the audio instead";
      return "transcript: none of the " + tried.size() + " publisher transcript link" + (tried.size() == 1 ? "" : "s")
          + " could be read: " + tried.stream().map(Attempt::describe).collect(Collectors.joining("; "))
          + "; transcribe the audio instead";
    }
  }
}
