package io.podinsights.cli;

import io.podinsights.App;
import io.podinsights.pipeline.FeedReport;
import io.podinsights.storage.FeedRepository;
import io.podinsights.storage.FeedRow;
import java.net.URI;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code podinsights add URL}: follow a podcast; its feed is fetched at once so a bad URL is refused right away. */
@Command(name = "add", description = "Follow a podcast by its feed URL (fetched at once to check it is a feed).",
    mixinStandardHelpOptions = true)
final class AddCommand implements Callable<Integer> {
  @Mixin AppOptions options;

  @Parameters(paramLabel = "URL", description = "The podcast's RSS or Atom feed URL.")
  String url;

  @Override
  public Integer call() {
    String normalized = url.strip();
    URI uri;
    try {
      uri = URI.create(normalized);
    } catch (IllegalArgumentException e) {
      System.err.println("add: '" + url + "' is not a URL");
      return 2;
    }
    if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
      System.err.println("add: only http and https feed URLs can be followed, not '" + url + "'");
      return 2;
    }
    try (App app = options.open()) {
      FeedRepository feeds = app.feeds();
      FeedRepository.Subscription sub = feeds.add(normalized, app.clock().instant());
      if (sub.state() == FeedRepository.SubscriptionState.EXISTING) {
        System.out.println("You already follow " + normalized + ".");
        return 0;
      }
      FeedRow row = feeds.byId(sub.feedId()).orElseThrow();
      FeedReport report = app.poller().poll(row);
      if (report.kind() == FeedReport.Kind.FAILED || report.kind() == FeedReport.Kind.GONE) {
        feeds.remove(sub.feedId());
        System.err.println(report.note().orElse("add: " + normalized + " could not be read").replaceAll(
            "; will retry in .*$", "") + "\nNot added.");
        return 1;
      }
      FeedRow saved = feeds.byId(sub.feedId()).orElseThrow();
      int episodes = app.episodes().ofFeed(saved.id()).size();
      System.out.printf("Added %s (%d episodes; the newest %d queued for insights).%n", saved.title(), episodes,
          report.newEpisodes());
      saved.recovered().ifPresent(r -> System.out.println("Note: the feed is not well-formed and was repaired: " + r));
      System.out.println("Run 'podinsights process' to mine them now, or 'podinsights run' to keep going daily.");
      return 0;
    }
  }
}
