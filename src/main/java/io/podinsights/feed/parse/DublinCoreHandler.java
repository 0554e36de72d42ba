package io.podinsights.feed.parse;

import javax.xml.stream.XMLStreamReader;

/** Dublin Core, as RSS 1.0 feeds use it: dc:date for items, dc:language and dc:creator for the channel. */
final class DublinCoreHandler implements NamespaceHandler {
  @Override
  public void start(String local, XMLStreamReader r, FeedState s) {}

  @Override
  public void end(String local, String text, FeedState s) {
    if (s.itemChild() && local.equals("date")) {
      s.item.published.offer(Dates.parse(text).orElse(null), 2);
    } else if (s.channelChild()) {
      switch (local) {
        case "language" -> s.show.language.offer(text.strip(), 1);
        case "creator" -> s.show.author.offer(text.strip(), 0);
        case "title" -> s.show.title.offer(FeedState.oneLine(text), 0);
        default -> { }
      }
    }
  }
}
