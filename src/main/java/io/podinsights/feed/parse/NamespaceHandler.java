package io.podinsights.feed.parse;

import javax.xml.stream.XMLStreamReader;

/** Reads the elements of one XML namespace into the drafts; the parser calls it for every element in that namespace. */
sealed interface NamespaceHandler
    permits RssHandler, AtomHandler, ItunesHandler, PodcastHandler, ContentHandler, MediaHandler, DublinCoreHandler,
        GooglePlayHandler {

  /** An element opened; attributes are readable from {@code r}. */
  void start(String local, XMLStreamReader r, FeedState s);

  /** The element closed; {@code text} is its character content (children's text included). */
  void end(String local, String text, FeedState s);

  static String attr(XMLStreamReader r, String name) {
    String v = r.getAttributeValue(null, name);
    return v == null ? "" : v;
  }
}
