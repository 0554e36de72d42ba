package io.podinsights.feed.opml;

import io.podinsights.feed.parse.FeedParseException;
import io.podinsights.feed.parse.LenientXml;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.Location;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

/**
 * Reads OPML subscription lists (any version, nested outlines as categories, the same encoding and junk tolerance as
 * feeds) and writes OPML 2.0. Nothing is fetched: the URLs are returned for the fetcher to check.
 */
public final class Opml {
  private static final int MAX_BYTES = 10 * 1024 * 1024;
  private static final int MAX_DEPTH = 64;
  private static final int MAX_FEEDS = 10_000;

  private Opml() {}

  /**
   * The feeds an OPML document lists, in document order, each URL once.
   *
   * @throws FeedParseException with a classified kind when the bytes are not an OPML document
   */
  public static List<OpmlFeed> read(byte[] body) throws FeedParseException {
    String subject = "opml: the subscription list";
    if (body.length > MAX_BYTES) {
      throw new FeedParseException(FeedParseException.Kind.TOO_LARGE,
          subject + " is " + body.length + " bytes, over the " + MAX_BYTES + "-byte limit");
    }
    List<String> recoveries = new ArrayList<>();
    String text = LenientXml.prepare(body, Optional.empty(), subject, recoveries);
    try {
      return outlines(text, subject);
    } catch (XMLStreamException first) {
      try {
        return outlines(LenientXml.repair(text, recoveries), subject);
      } catch (XMLStreamException second) {
        Location l = second.getLocation();
        throw new FeedParseException(FeedParseException.Kind.MALFORMED, subject + " is not well-formed XML"
            + (l == null ? "" : " (line " + l.getLineNumber() + ", column " + l.getColumnNumber() + ")")
            + "; export it again from the other app", second);
      }
    }
  }

  private static List<OpmlFeed> outlines(String text, String subject) throws XMLStreamException, FeedParseException {
    XMLStreamReader r = LenientXml.reader(text);
    Map<String, OpmlFeed> feeds = new LinkedHashMap<>();
    Deque<Optional<String>> categories = new ArrayDeque<>();
    int depth = 0;
    boolean sawRoot = false;
    while (r.hasNext()) {
      int ev = r.next();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        depth++;
        if (depth > MAX_DEPTH) {
          throw new FeedParseException(FeedParseException.Kind.TOO_LARGE, subject + " nests outlines deeper than " + MAX_DEPTH);
        }
        String local = r.getLocalName();
        if (depth == 1) {
          if (!local.equalsIgnoreCase("opml")) {
            throw new FeedParseException(FeedParseException.Kind.NOT_A_FEED,
                subject + " is XML but not OPML (root element <" + local + ">); export the subscriptions as OPML");
          }
          sawRoot = true;
          continue;
        }
        if (!local.equalsIgnoreCase("outline")) continue;
        String url = attr(r, "xmlUrl");
        String label = attr(r, "title").isBlank() ? attr(r, "text") : attr(r, "title");
        if (url.isBlank() && attr(r, "type").toLowerCase(Locale.ROOT).matches("rss|atom|link")) url = attr(r, "url");
        if (!url.isBlank()) {
          List<String> path = new ArrayList<>();
          categories.descendingIterator().forEachRemaining(c -> c.ifPresent(path::add));
          for (String c : attr(r, "category").split(",")) {
            for (String part : c.split("/")) {
              if (!part.isBlank() && !path.contains(part.strip())) path.add(part.strip());
            }
          }
          if (feeds.size() < MAX_FEEDS) feeds.putIfAbsent(url.strip(), new OpmlFeed(url, label, path));
          categories.push(Optional.empty());
        } else {
          categories.push(label.isBlank() ? Optional.empty() : Optional.of(label.strip()));
        }
      } else if (ev == XMLStreamConstants.END_ELEMENT) {
        if (depth >= 2 && r.getLocalName().equalsIgnoreCase("outline") && !categories.isEmpty()) categories.pop();
        depth--;
      }
    }
    if (!sawRoot) throw new FeedParseException(FeedParseException.Kind.NOT_A_FEED, subject + " has no root element");
    return List.copyOf(feeds.values());
  }

  /** Attribute by name, ignoring case (exporters write xmlUrl, xmlurl, XMLURL). */
  private static String attr(XMLStreamReader r, String name) {
    for (int i = 0; i < r.getAttributeCount(); i++) {
      if (r.getAttributeLocalName(i).equalsIgnoreCase(name)) {
        String v = r.getAttributeValue(i);
        return v == null ? "" : v;
      }
    }
    return "";
  }

  /** An OPML 2.0 document listing the feeds, nested under their categories. */
  public static String write(List<OpmlFeed> feeds, String title) {
    Node root = new Node("");
    for (OpmlFeed f : feeds) {
      Node n = root;
      for (String c : f.categories()) n = n.children.computeIfAbsent(c, Node::new);
      n.feeds.add(f);
    }
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter w = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
      w.writeStartDocument("UTF-8", "1.0");
      w.writeCharacters("\n");
      w.writeStartElement("opml");
      w.writeAttribute("version", "2.0");
      w.writeCharacters("\n  ");
      w.writeStartElement("head");
      w.writeStartElement("title");
      w.writeCharacters(title);
      w.writeEndElement();
      w.writeEndElement();
      w.writeCharacters("\n  ");
      w.writeStartElement("body");
      writeNode(w, root, 2);
      w.writeCharacters("\n  ");
      w.writeEndElement();
      w.writeCharacters("\n");
      w.writeEndElement();
      w.writeCharacters("\n");
      w.writeEndDocument();
      w.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("opml: could not write the export: " + e.getMessage(), e);
    }
    return out.toString();
  }

  private static void writeNode(XMLStreamWriter w, Node node, int indent) throws XMLStreamException {
    String pad = "\n" + "  ".repeat(indent);
    for (Node child : node.children.values()) {
      w.writeCharacters(pad);
      w.writeStartElement("outline");
      w.writeAttribute("text", child.name);
      w.writeAttribute("title", child.name);
      writeNode(w, child, indent + 1);
      w.writeCharacters(pad);
      w.writeEndElement();
    }
    for (OpmlFeed f : node.feeds) {
      w.writeCharacters(pad);
      w.writeEmptyElement("outline");
      w.writeAttribute("type", "rss");
      String label = f.title().isEmpty() ? f.url() : f.title();
      w.writeAttribute("text", label);
      w.writeAttribute("title", label);
      w.writeAttribute("xmlUrl", f.url());
    }
  }

  /** A category in the export tree. */
  private static final class Node {
    final String name;
    final Map<String, Node> children = new LinkedHashMap<>();
    final Set<OpmlFeed> feeds = new LinkedHashSet<>();

    Node(String name) {
      this.name = name;
    }
  }
}
