package io.podinsights.feed.parse;

import io.podinsights.podcast.Enclosure;
import javax.xml.stream.XMLStreamReader;

/** Media RSS: media:content (also inside media:group) as the enclosure fallback, media:thumbnail as artwork. */
final class MediaHandler implements NamespaceHandler {
  @Override
  public void start(String local, XMLStreamReader r, FeedState s) {
    boolean inItem = s.scope == FeedState.Scope.ITEM && (s.level == 1 || (s.level == 2 && s.parent.equals("group")));
    boolean inChannel = s.scope == FeedState.Scope.CHANNEL && (s.level == 1 || (s.level == 2 && s.parent.equals("group")));
    switch (local) {
      case "content" -> {
        if (!inItem) return;
        String url = s.url(NamespaceHandler.attr(r, "url"));
        if (url.isEmpty()) return;
        String type = NamespaceHandler.attr(r, "type").strip();
        String medium = NamespaceHandler.attr(r, "medium").strip();
        if (type.isEmpty() && !medium.isEmpty()) type = medium;
        s.item.mediaContents.add(new Enclosure(url, type, FeedState.length(NamespaceHandler.attr(r, "fileSize"))));
        Durations.parse(NamespaceHandler.attr(r, "duration")).ifPresent(d -> s.item.duration.offer(d, 1));
      }
      case "thumbnail" -> {
        String url = s.url(NamespaceHandler.attr(r, "url"));
        if (inItem) s.item.image.offer(url, 1);
        else if (inChannel) s.show.image.offer(url, 0);
      }
      default -> { }
    }
  }

  @Override
  public void end(String local, String text, FeedState s) {
    if (s.itemChild() && local.equals("description")) s.item.description.offer(text.strip(), 0);
  }
}
