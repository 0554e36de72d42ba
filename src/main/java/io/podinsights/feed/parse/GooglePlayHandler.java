package io.podinsights.feed.parse;

import javax.xml.stream.XMLStreamReader;

/** The googleplay: namespace (Google Podcasts, still in many feeds): fallbacks for author, image, description, explicit. */
final class GooglePlayHandler implements NamespaceHandler {
  @Override
  public void start(String local, XMLStreamReader r, FeedState s) {
    if (local.equals("image") && s.channelChild()) s.show.image.offer(s.url(NamespaceHandler.attr(r, "href")), 1);
  }

  @Override
  public void end(String local, String text, FeedState s) {
    if (s.channelChild()) {
      switch (local) {
        case "author" -> s.show.author.offer(text.strip(), 2);
        case "description" -> s.show.description.offer(text.strip(), 0);
        case "explicit" -> s.show.explicit.offer(FeedState.yesNo(text).orElse(null), 0);
        default -> { }
      }
    } else if (s.itemChild()) {
      switch (local) {
        case "description" -> s.item.description.offer(text.strip(), 0);
        case "explicit" -> s.item.explicit.offer(FeedState.yesNo(text).orElse(null), 0);
        default -> { }
      }
    }
  }
}
