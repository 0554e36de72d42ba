package io.podinsights.feed.parse;

import io.podinsights.podcast.Enclosure;
import java.time.Duration;
import javax.xml.stream.XMLStreamReader;

/** RSS 0.9x/2.0 elements (no namespace) and RSS 1.0/0.90 (RDF) elements: title, link, description, guid, enclosure. */
final class RssHandler implements NamespaceHandler {
  @Override
  public void start(String local, XMLStreamReader r, FeedState s) {
    if (s.itemChild() && local.equals("guid")) {
      s.item.guidIsPermaLink = NamespaceHandler.attr(r, "isPermaLink").strip().toLowerCase(java.util.Locale.ROOT);
    }
    if (s.itemChild() && local.equals("enclosure")) {
      String url = s.url(NamespaceHandler.attr(r, "url"));
      if (!url.isEmpty()) {
        s.item.rssEnclosures.add(new Enclosure(url, NamespaceHandler.attr(r, "type").strip(),
            FeedState.length(NamespaceHandler.attr(r, "length"))));
      }
    }
  }

  @Override
  public void end(String local, String text, FeedState s) {
    if (s.scope == FeedState.Scope.ITEM && s.level == 1) {
      switch (local) {
        case "title" -> s.item.title.offer(FeedState.oneLine(text), 3);
        case "link" -> s.item.link.offer(s.url(text), 3);
        case "description" -> s.item.description.offer(text.strip(), 2);
        case "guid" -> guid(text.strip(), s);
        case "pubDate" -> s.item.published.offer(Dates.parse(text).orElse(null), 3);
        default -> { }
      }
    } else if (s.scope == FeedState.Scope.CHANNEL && s.level == 1) {
      switch (local) {
        case "title" -> s.show.title.offer(FeedState.oneLine(text), 3);
        case "link" -> s.show.link.offer(s.url(text), 3);
        case "description" -> s.show.description.offer(text.strip(), 2);
        case "language" -> s.show.language.offer(text.strip(), 2);
        case "managingEditor" -> s.show.author.offer(text.strip(), 0);
        case "ttl" -> FeedState.integer(text).filter(m -> m > 0)
            .ifPresent(m -> s.show.updateInterval.offer(Duration.ofMinutes(m), 1));
        default -> { }
      }
    } else if (s.scope == FeedState.Scope.CHANNEL && s.level == 2 && s.parent.equals("image") && local.equals("url")) {
      s.show.image.offer(s.url(text), 1);
    }
  }

  /**
   * A guid is an identifier, kept verbatim, unless isPermaLink="true" says it is a URL (then resolved like a link).
   * A permalink guid (explicit, or an absolute http(s) URL with isPermaLink not "false") is the link fallback.
   */
  private static void guid(String guid, FeedState s) {
    if (guid.isEmpty()) return;
    String permaLink = s.item.guidIsPermaLink;
    if (permaLink.equals("true")) guid = s.url(guid);
    s.item.guid.offer(guid, 3);
    boolean absoluteHttp = guid.startsWith("http://") || guid.startsWith("https://");
    if (permaLink.equals("true") || (absoluteHttp && !permaLink.equals("false"))) s.item.link.offer(guid, 0);
  }
}
