package io.podinsights.feed.parse;

import io.podinsights.podcast.Person;
import io.podinsights.podcast.TranscriptLink;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import javax.xml.stream.XMLStreamReader;

/**
 * The Podcasting 2.0 podcast: namespace: transcript (several per item), chapters, person, guid, block, locked,
 * funding, soundbite, season/episode, updateFrequency.
 */
final class PodcastHandler implements NamespaceHandler {
  private String personRole = "";
  private String personGroup = "";
  private String personHref = "";
  private String personImg = "";
  private String soundbiteStart = "";
  private String soundbiteDuration = "";
  private String lockOwner = "";
  private String blockId = "";
  private String rrule = "";

  @Override
  public void start(String local, XMLStreamReader r, FeedState s) {
    boolean item = s.itemChild();
    if (!item && !s.channelChild()) return;
    switch (local) {
      case "transcript" -> {
        String url = s.url(NamespaceHandler.attr(r, "url"));
        if (item && !url.isEmpty()) {
          s.item.transcripts.add(new TranscriptLink(url, NamespaceHandler.attr(r, "type").strip(),
              NamespaceHandler.attr(r, "language").strip(), NamespaceHandler.attr(r, "rel").strip()));
        }
      }
      case "chapters" -> {
        if (item) s.item.chapters.offer(s.url(NamespaceHandler.attr(r, "url")), 1);
      }
      case "person" -> {
        personRole = NamespaceHandler.attr(r, "role").strip().toLowerCase(Locale.ROOT);
        personGroup = NamespaceHandler.attr(r, "group").strip().toLowerCase(Locale.ROOT);
        personHref = s.url(NamespaceHandler.attr(r, "href"));
        personImg = s.url(NamespaceHandler.attr(r, "img"));
      }
      case "soundbite" -> {
        soundbiteStart = NamespaceHandler.attr(r, "startTime");
        soundbiteDuration = NamespaceHandler.attr(r, "duration");
      }
      case "locked" -> lockOwner = NamespaceHandler.attr(r, "owner").strip();
      case "block" -> blockId = NamespaceHandler.attr(r, "id").strip();
      case "updateFrequency" -> rrule = NamespaceHandler.attr(r, "rrule").strip();
      case "funding" -> {
        String url = s.url(NamespaceHandler.attr(r, "url"));
        if (!item && !url.isEmpty()) s.show.funding.add(url);
      }
      default -> { }
    }
  }

  @Override
  public void end(String local, String text, FeedState s) {
    boolean item = s.itemChild();
    if (!item && !s.channelChild()) return;
    switch (local) {
      case "person" -> {
        String name = FeedState.oneLine(text);
        if (!name.isEmpty()) {
          Person p = new Person(name, personRole, personGroup, personHref, personImg);
          if (item) s.item.persons.add(p);
          else s.show.persons.add(p);
        }
      }
      case "soundbite" -> {
        if (item) {
          Optional<Duration> start = seconds(soundbiteStart);
          Optional<Duration> length = seconds(soundbiteDuration);
          if (start.isPresent() && length.isPresent() && !length.get().isZero()) {
            s.item.soundbites.add(new Soundbite(start.get(), length.get(), FeedState.oneLine(text)));
          }
        }
      }
      case "season" -> {
        if (item) s.item.season.offer(FeedState.integer(text).orElse(null), 3);
      }
      case "episode" -> {
        if (item) s.item.number.offer(FeedState.integer(text).orElse(null), 3);
      }
      case "guid" -> {
        if (!item) s.show.podcastGuid.offer(text.strip(), 1);
      }
      case "locked" -> {
        if (!item && FeedState.yesNo(text).orElse(false)) {
          s.show.locked = true;
          s.show.lockOwner = lockOwner;
        }
      }
      case "block" -> {
        if (!item && (blockId.isEmpty() || blockId.equalsIgnoreCase("all")) && FeedState.yesNo(text).orElse(false)) {
          s.show.blocked = true;
        }
      }
      case "updateFrequency" -> {
        if (!item) frequency(rrule).ifPresent(d -> s.show.updateInterval.offer(d, 2));
      }
      default -> { }
    }
  }

  private static Optional<Duration> seconds(String raw) {
    try {
      double v = Double.parseDouble(raw.strip());
      if (v < 0 || v > 1e7 || Double.isNaN(v)) return Optional.empty();
      return Optional.of(Duration.ofMillis(Math.round(v * 1000)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** RFC 5545 RRULE FREQ and INTERVAL to a period: {@code FREQ=WEEKLY;INTERVAL=2} is 14 days. */
  static Optional<Duration> frequency(String rule) {
    Duration unit = null;
    long interval = 1;
    for (String part : rule.toUpperCase(Locale.ROOT).split(";")) {
      String[] kv = part.split("=", 2);
      if (kv.length != 2) continue;
      switch (kv[0].strip()) {
        case "FREQ" -> unit = switch (kv[1].strip()) {
          case "MINUTELY" -> Duration.ofMinutes(1);
          case "HOURLY" -> Duration.ofHours(1);
          case "DAILY" -> Duration.ofDays(1);
          case "WEEKLY" -> Duration.ofDays(7);
          case "MONTHLY" -> Duration.ofDays(30);
          case "YEARLY" -> Duration.ofDays(365);
          default -> null;
        };
        case "INTERVAL" -> interval = FeedState.integer(kv[1]).filter(i -> i > 0).map(Integer::longValue).orElse(1L);
        default -> { }
      }
    }
    return unit == null ? Optional.empty() : Optional.of(unit.multipliedBy(interval));
  }
}
