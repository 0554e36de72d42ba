package io.podinsights.feed.parse;

import javax.xml.stream.XMLStreamReader;

/** The itunes: namespace: author, summary, image, duration, season/episode, new-feed-url, block, explicit, type. */
final class ItunesHandler implements NamespaceHandler {
  @Override
  public void start(String local, XMLStreamReader r, FeedState s) {
    // <itunes:image href>, and the pre-2006 <itunes:link rel="image" href>.
    boolean image = local.equalsIgnoreCase("image")
        || (local.equalsIgnoreCase("link") && NamespaceHandler.attr(r, "rel").equals("image"));
    if (!image) return;
    String href = NamespaceHandler.attr(r, "href");
    if (href.isBlank()) href = NamespaceHandler.attr(r, "url");
    href = s.url(href);
    if (s.itemChild()) s.item.image.offer(href, 2);
    else if (s.channelChild()) s.show.image.offer(href, 2);
  }

  @Override
  public void end(String element, String text, FeedState s) {
    // Apple's tags are case-sensitive, but feeds in the wild write <itunes:Author>, <itunes:DURATION>...
    String local = element.toLowerCase(java.util.Locale.ROOT);
    if (s.itemChild()) {
      switch (local) {
        case "duration" -> s.item.duration.offer(Durations.parse(text).orElse(null), 2);
        case "season" -> s.item.season.offer(FeedState.integer(text).orElse(null), 2);
        case "episode" -> s.item.number.offer(FeedState.integer(text).orElse(null), 2);
        case "title" -> s.item.title.offer(FeedState.oneLine(text), 1);
        case "summary" -> s.item.description.offer(text.strip(), 1);
        case "subtitle" -> s.item.description.offer(text.strip(), 0);
        case "episodetype" -> s.item.episodeType.offer(text.strip().toLowerCase(java.util.Locale.ROOT), 1);
        case "block" -> s.item.blocked |= isYes(text);
        case "explicit" -> s.item.explicit.offer(FeedState.yesNo(text).orElse(null), 1);
        default -> { }
      }
    } else if (s.channelChild()) {
      switch (local) {
        case "author" -> s.show.author.offer(text.strip(), 3);
        case "summary" -> s.show.description.offer(text.strip(), 1);
        case "subtitle" -> s.show.description.offer(text.strip(), 0);
        case "title" -> s.show.title.offer(FeedState.oneLine(text), 1);
        case "new-feed-url" -> s.show.newFeedUrl.offer(s.url(text), 1);
        case "block" -> s.show.blocked |= isYes(text);
        case "explicit" -> s.show.explicit.offer(FeedState.yesNo(text).orElse(null), 1);
        case "type" -> s.show.itunesType.offer(text.strip().toLowerCase(java.util.Locale.ROOT), 1);
        default -> { }
      }
    } else if (s.scope == FeedState.Scope.CHANNEL && s.level == 2 && s.parent.equals("owner") && local.equals("name")) {
      s.show.author.offer(text.strip(), 1);
    }
  }

  /** Apple: only "Yes" blocks (any case, trimmed); "true", "no" or anything else does not. */
  private static boolean isYes(String text) {
    return text.strip().equalsIgnoreCase("yes");
  }
}
