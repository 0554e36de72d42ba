package io.podinsights.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podinsights.App;
import io.podinsights.feed.fetch.FetchRequest;
import io.podinsights.feed.fetch.FetchResult;
import io.podinsights.feed.parse.FeedInput;
import io.podinsights.feed.parse.FeedParseException;
import io.podinsights.feed.parse.FeedParser;
import io.podinsights.feed.parse.ParsedFeed;
import io.podinsights.podcast.Episode;
import io.podinsights.podcast.Person;
import io.podinsights.podcast.TranscriptLink;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code podinsights feed parse FILE|URL [--json]}: what our parser reads from a feed, for people and scripts. */
@Command(name = "feed", description = "Inspect feeds.", mixinStandardHelpOptions = true,
    subcommands = FeedCommand.Parse.class)
final class FeedCommand {

  /** Parses one feed file or URL and prints the show and its episodes. */
  @Command(name = "parse", description = "Parse a feed file or URL and print what podinsights reads from it.",
      mixinStandardHelpOptions = true)
  static final class Parse implements Callable<Integer> {
    @Mixin AppOptions options;

    @Parameters(paramLabel = "FILE|URL", description = "A feed file, or an http(s) URL fetched through the guard.")
    String source;

    @Option(names = "--json", description = "Print stable JSON (show, episodes, recoveries, warnings).")
    boolean json;

    @Override
    public Integer call() throws IOException {
      byte[] body;
      URI base;
      Optional<String> contentType = Optional.empty();
      if (source.startsWith("http://") || source.startsWith("https://")) {
        try (App app = options.open()) {
          FetchResult result = app.http().fetch(FetchRequest.feed(URI.create(source)));
          if (!(result instanceof FetchResult.Fetched f)) {
            System.err.println(result instanceof FetchResult.Failed failed ? failed.error().message()
                : "feed: " + source + " answered 304 Not Modified");
            return 1;
          }
          body = f.body();
          base = f.finalUrl();
          contentType = f.contentType();
        }
      } else {
        Path file = Path.of(source);
        if (!Files.isRegularFile(file)) {
          System.err.println("feed: no such file: " + source);
          return 1;
        }
        body = Files.readAllBytes(file);
        base = file.toAbsolutePath().toUri();
      }
      ParsedFeed feed;
      try {
        feed = new FeedParser(java.time.InstantSource.system()).parse(new FeedInput(body, base, contentType));
      } catch (FeedParseException e) {
        System.err.println(e.getMessage());
        return 1;
      }
      System.out.println(json ? json(feed) : text(feed));
      return 0;
    }

    static String json(ParsedFeed feed) throws IOException {
      ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      ObjectNode root = mapper.createObjectNode();
      ObjectNode show = root.putObject("show");
      show.put("title", feed.show().title());
      show.put("link", feed.show().link());
      show.put("description", feed.show().description());
      show.put("author", feed.show().author());
      show.put("image", feed.show().imageUrl());
      show.put("language", feed.show().language());
      persons(show.putArray("persons"), feed.show().persons());
      feed.newFeedUrl().ifPresent(u -> root.put("new_feed_url", u));
      ArrayNode episodes = root.putArray("episodes");
      for (Episode e : feed.episodes()) {
        ObjectNode ep = episodes.addObject();
        ep.put("guid", e.guid());
        ep.put("title", e.title());
        ep.put("link", e.link());
        if (e.published().isPresent()) ep.put("published", e.published().get().toString()); else ep.putNull("published");
        if (e.enclosure().isPresent()) {
          ObjectNode enc = ep.putObject("enclosure");
          enc.put("url", e.enclosure().get().url());
          enc.put("type", e.enclosure().get().type());
          enc.put("length", e.enclosure().get().length());
        } else {
          ep.putNull("enclosure");
        }
        if (e.duration().isPresent()) ep.put("duration", e.duration().get().toMillis() / 1000.0); else ep.putNull("duration");
        ArrayNode transcripts = ep.putArray("transcripts");
        for (TranscriptLink t : e.transcripts()) {
          ObjectNode tn = transcripts.addObject();
          tn.put("url", t.url());
          tn.put("type", t.type());
          if (!t.language().isBlank()) tn.put("language", t.language());
        }
        persons(ep.putArray("persons"), e.persons());
      }
      root.put("recovered", feed.recovered());
      feed.recoveries().forEach(root.withArray("recoveries")::add);
      feed.warnings().forEach(root.withArray("warnings")::add);
      return mapper.writeValueAsString(root);
    }

    private static void persons(ArrayNode array, List<Person> persons) {
      for (Person p : persons) {
        ObjectNode n = array.addObject();
        n.put("name", p.name());
        n.put("role", p.role());
      }
    }

    static String text(ParsedFeed feed) {
      StringBuilder out = new StringBuilder();
      out.append(feed.show().title()).append('\n');
      if (!feed.show().link().isBlank()) out.append(feed.show().link()).append('\n');
      out.append(feed.episodes().size()).append(" episodes\n");
      for (Episode e : feed.episodes()) {
        out.append("  ").append(e.published().map(p -> p.toString().substring(0, 10)).orElse("----------"))
            .append("  ").append(e.title().isBlank() ? e.guid() : e.title());
        if (!e.transcripts().isEmpty()) out.append("  [").append(e.transcripts().size()).append(" transcript")
            .append(e.transcripts().size() == 1 ? "" : "s").append(']');
        out.append('\n');
      }
      feed.recoveries().forEach(r -> out.append("recovered: ").append(r).append('\n'));
      feed.warnings().forEach(w -> out.append("warning: ").append(w).append('\n'));
      return out.toString().stripTrailing();
    }
  }
}
