package io.podinsights.feed.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.podinsights.podcast.Enclosure;
import io.podinsights.podcast.Episode;
import io.podinsights.podcast.Person;
import io.podinsights.podcast.TranscriptLink;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * The field values podcast-feed-parser's own tests assert on the shared real feeds (restated in
 * ../shared/data/feedparser-suite/podcast-feed-parser/EXPECTATIONS.md), for every field our model carries. Not
 * checked, on purpose: episode ordering by itunes:order, serial season/episode or title (we return document order; the
 * presentation sorts), categories/keywords/owner and other fields we do not model, and comintegrator.xml, which that
 * parser rejects for {@code &ellip;} while we keep it as text and flag the feed recovered.
 */
class PodcastFeedParserExpectationsTest {
  private static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2026-11-23T00:00:00Z"));

  private static ParsedFeed parse(Path feeds, String name) throws Exception {
    return new FeedParser(CLOCK).parse(FeedInput.of(Files.readAllBytes(feeds.resolve(name)),
        URI.create("https://feeds.example/" + name)));
  }

  @Test
  void matches_the_values_podcast_feed_parser_asserts() throws Exception {
    Path feeds = SharedData.dir("feeds");
    SoftAssertions soft = new SoftAssertions();

    ParsedFeed atc = parse(feeds, "real/libsyn-allthingschemical.xml");
    soft.assertThat(atc.show().title()).isEqualTo("All Things Chemical");
    soft.assertThat(atc.show().link()).isEqualTo("http://www.lawbc.com");
    soft.assertThat(atc.show().language()).isEqualTo("en");
    soft.assertThat(atc.show().author()).isEqualTo("Bergeson & Campbell, PC");
    soft.assertThat(atc.show().imageUrl()).isEqualTo(
        "https://ssl-static.libsyn.com/p/assets/0/0/e/b/00eb13bdea311055/AllThingsChemicalLogo1400.png");
    soft.assertThat(atc.showExtras().explicit()).contains(false);
    soft.assertThat(atc.showExtras().blocked()).isFalse();
    soft.assertThat(atc.episodes()).extracting(Episode::title)
        .startsWith("Confidential Business Information under TSCA").endsWith("Introducing All Things Chemical").hasSize(4);
    Episode atc0 = atc.episodes().get(0);
    soft.assertThat(atc0.published()).contains(Instant.parse("2018-11-29T10:30:00Z"));
    soft.assertThat(atc0.duration()).contains(Duration.ofSeconds(2398));
    soft.assertThat(atc.extrasOf(atc0).explicit()).contains(false);
    soft.assertThat(atc0.link()).isEqualTo("http://allthingschemical.libsyn.com/confidential-business-information-under-tsca");
    soft.assertThat(atc0.description()).startsWith("<p>This week, I sat down with Dr. Richard Engler");

    ParsedFeed enigma = parse(feeds, "real/enigma-colombia-es.xml");
    soft.assertThat(enigma.show().author()).isEqualTo("JuanPaLaguna");
    soft.assertThat(enigma.show().description())
        .isEqualTo("El viaje para la búsqueda de la verdad ( o lo más cercano a ella) en el mundo del misterio.");
    soft.assertThat(enigma.showExtras().explicit()).contains(false);
    soft.assertThat(parse(feeds, "real/orbita-pt.xml").showExtras().explicit()).as("clean").contains(false);

    ParsedFeed money = parse(feeds, "real/npr-planet-money.xml");
    soft.assertThat(money.show().title()).isEqualTo("Planet Money");
    soft.assertThat(money.showExtras().itunesType()).isEqualTo("episodic");
    soft.assertThat(money.show().author()).isEqualTo("NPR");
    Episode m0 = money.episodes().get(0);
    soft.assertThat(m0.title()).isEqualTo("#980: The Fed Fights The Virus");
    soft.assertThat(money.extrasOf(m0).episodeType()).isEqualTo("full");
    soft.assertThat(m0.published()).contains(Instant.parse("2020-03-16T21:50:01Z"));
    soft.assertThat(m0.duration()).contains(Duration.ofSeconds(1097));
    soft.assertThat(m0.enclosure()).map(Enclosure::length).contains(17556408L);
    soft.assertThat(m0.enclosure()).map(Enclosure::type).contains("audio/mpeg");
    soft.assertThat(m0.guid()).isEqualTo("5b88529b-fed8-4562-8312-61e4b24b0451");

    ParsedFeed daily = parse(feeds, "real/nyt-the-daily-large.xml");
    Episode d0 = daily.episodes().get(0);
    soft.assertThat(d0.title()).isEqualTo("Gov. Andrew Cuomo: ‘It’s Making Sure We Live Through This.’");
    soft.assertThat(d0.published()).contains(Instant.parse("2020-03-18T09:52:39Z"));
    soft.assertThat(d0.duration()).contains(Duration.ofSeconds(1852));
    soft.assertThat(d0.enclosure()).map(Enclosure::length).contains(29635395L);
    soft.assertThat(d0.guid()).isEqualTo("gid://art19-episode-locator/V0/eooL1KYI_E0xdACmvP47Uaj_PHCfMpQIB8oH6V5V09E");

    ParsedFeed hours = parse(feeds, "real/80000HoursPodcast.xml");
    soft.assertThat(hours.episodes().get(0).duration()).contains(Duration.ofSeconds(7896));
    soft.assertThat(hours.episodes().get(2).duration()).contains(Duration.ofSeconds(1605));
    soft.assertThat(parse(feeds, "real/itunesu-historia-da-arte-pt.xml").episodes().get(0).duration())
        .as("empty itunes:duration").isEmpty();

    ParsedFeed babes = parse(feeds, "real/babesinbusiness.xml");
    soft.assertThat(babes.episodes()).as("&nbsp; tolerated").isNotEmpty();
    soft.assertThat(babes.recovered()).isTrue();

    ParsedFeed pc20 = parse(feeds, "podcastindex/podcast_example-2020.xml");
    Episode p0 = pc20.episodes().get(0);
    soft.assertThat(p0.persons()).extracting(Person::name).containsExactly("Adam Curry", "Dave Jones", "Becky Smith");
    soft.assertThat(p0.persons()).extracting(Person::role).containsExactly("host", "guest", "cover art designer");
    soft.assertThat(p0.persons()).extracting(Person::group).containsExactly("cast", "cast", "visuals");
    soft.assertThat(pc20.showExtras().fundingUrls()).startsWith("https://example.com/donate");
    soft.assertThat(pc20.showExtras().locked()).isTrue();
    soft.assertThat(pc20.extrasOf(p0).soundbites()).first()
        .isEqualTo(new Soundbite(Duration.ofMillis(33_833), Duration.ofSeconds(60), ""));
    soft.assertThat(pc20.extrasOf(p0).chaptersUrl()).contains("https://example.com/ep3_chapters.json");

    ParsedFeed buzz = parse(feeds, "real/buzzsprout-how-to-start-a-podcast.xml");
    soft.assertThat(buzz.showExtras().locked()).isFalse();
    Optional<Episode> withTranscripts = buzz.episodes().stream()
        .filter(e -> e.transcripts().stream().anyMatch(t -> t.url().equals("https://feeds.buzzsprout.com/1/805964/transcript")))
        .findFirst();
    soft.assertThat(withTranscripts).isPresent();
    withTranscripts.ifPresent(e -> soft.assertThat(e.transcripts()).extracting(TranscriptLink::url, TranscriptLink::type)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("https://feeds.buzzsprout.com/1/805964/transcript", "text/html"),
            org.assertj.core.groups.Tuple.tuple("https://feeds.buzzsprout.com/1/805964/transcript.json", "application/json"),
            org.assertj.core.groups.Tuple.tuple("https://feeds.buzzsprout.com/1/805964/transcript.srt", "application/srt")));
    soft.assertAll();
    assertThat(List.of(atc, enigma, money, daily, hours, pc20, buzz)).noneMatch(ParsedFeed::recovered);
  }
}
