package io.podinsights.feed.parse;

import io.podinsights.podcast.Enclosure;
import io.podinsights.podcast.Person;
import io.podinsights.podcast.TranscriptLink;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One item as the handlers fill it in; becomes an {@code Episode} and {@link EpisodeExtras} when the item closes. */
final class EpisodeDraft {
  final Ranked<String> guid = new Ranked<>();
  final Ranked<String> title = new Ranked<>();
  final Ranked<String> link = new Ranked<>();
  final Ranked<String> description = new Ranked<>();
  final Ranked<Instant> published = new Ranked<>();
  final Ranked<Duration> duration = new Ranked<>();
  final Ranked<Integer> season = new Ranked<>();
  final Ranked<Integer> number = new Ranked<>();
  final Ranked<String> image = new Ranked<>();
  final Ranked<String> chapters = new Ranked<>();
  final Ranked<String> episodeType = new Ranked<>();
  final Ranked<Boolean> explicit = new Ranked<>();
  final List<Enclosure> rssEnclosures = new ArrayList<>();
  final List<Enclosure> atomEnclosures = new ArrayList<>();
  final List<Enclosure> mediaContents = new ArrayList<>();
  final List<TranscriptLink> transcripts = new ArrayList<>();
  final List<Person> persons = new ArrayList<>();
  final List<Soundbite> soundbites = new ArrayList<>();
  boolean blocked;
  String guidIsPermaLink = "";
}
