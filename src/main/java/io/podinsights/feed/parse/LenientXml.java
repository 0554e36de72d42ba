package io.podinsights.feed.parse;

import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The decoding, repair and hardened reader the feed parser uses, for other readers of feed-like XML (OPML): same
 * encoding rules, same junk and DOCTYPE handling, same refusal of entity declarations.
 */
public final class LenientXml {
  private LenientXml() {}

  /**
   * Decodes the bytes and cleans the prolog (junk before the document, DOCTYPE). {@code subject} starts every error
   * message, e.g. {@code "opml: upload subscriptions.opml"}.
   *
   * @throws FeedParseException EMPTY, NOT_XML, HTML_PAGE or UNSAFE_DTD
   */
  public static String prepare(byte[] body, Optional<String> httpContentType, String subject, List<String> recoveries)
      throws FeedParseException {
    if (body.length == 0) {
      throw new FeedParseException(FeedParseException.Kind.EMPTY, subject + " is empty");
    }
    String text = FeedDecoder.decode(body, httpContentType, recoveries, recoveries);
    return XmlRepair.prolog(text, subject, recoveries).text();
  }

  /** The lenient pass: HTML entities, bare ampersands, illegal characters, undeclared prefixes. */
  public static String repair(String text, List<String> recoveries) {
    return XmlRepair.declarePrefixes(XmlRepair.repair(text, recoveries), recoveries);
  }

  /** A namespace-aware StAX reader that processes no DTD, expands no entity and opens nothing. */
  public static XMLStreamReader reader(String text) throws XMLStreamException {
    return FeedParser.hardenedFactory().createXMLStreamReader(new StringReader(text));
  }
}
