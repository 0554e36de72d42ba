package io.podinsights.feed.parse;

import javax.xml.stream.XMLStreamReader;

/** The content: namespace: {@code content:encoded} is the richest show notes an item has. */
final class ContentHandler implements NamespaceHandler {
  @Override
  public void start(String local, XMLStreamReader r, FeedState s) {}

  @Override
  public void end(String local, String text, FeedState s) {
    if (s.itemChild() && local.equals("encoded")) s.item.description.offer(text.strip(), 4);
  }
}
