package io.podinsights.feed.parse;

import io.podinsights.podcast.Person;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The channel as the handlers fill it in; becomes a {@code Show} and {@link ShowExtras} at the end. */
final class ShowDraft {
  final Ranked<String> title = new Ranked<>();
  final Ranked<String> link = new Ranked<>();
  final Ranked<String> description = new Ranked<>();
  final Ranked<String> author = new Ranked<>();
  final Ranked<String> image = new Ranked<>();
  final Ranked<String> language = new Ranked<>();
  final Ranked<String> newFeedUrl = new Ranked<>();
  final Ranked<Duration> updateInterval = new Ranked<>();
  final Ranked<String> podcastGuid = new Ranked<>();
  final Ranked<String> nextPage = new Ranked<>();
  final Ranked<String> itunesType = new Ranked<>();
  final Ranked<Boolean> explicit = new Ranked<>();
  final List<Person> persons = new ArrayList<>();
  final List<String> funding = new ArrayList<>();
  boolean blocked;
  boolean locked;
  String lockOwner = "";
}
