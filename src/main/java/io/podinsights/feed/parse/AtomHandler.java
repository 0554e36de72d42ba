package io.podinsights.feed.parse;

import io.podinsights.podcast.Enclosure;
import javax.xml.stream.XMLStreamReader;

/** Atom 1.0 and 0.3 elements, in Atom feeds and as atom:link inside RSS: links (alternate, enclosure, next), ids, dates. */
final class AtomHandler implements NamespaceHandler {
  private boolean base64;

  /** Atom 0.3 {@code mode="base64"} content. */
  private static String decodeBase64(String raw) {
    try {
      return new String(java.util.Base64.getMimeDecoder().decode(raw.strip()), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return raw;
    }
  }

  @Override
  public void start(String local, XMLStreamReader r, FeedState s) {
    String type = NamespaceHandler.attr(r, "type").strip();
    // Atom 0.3 mode="base64"; Atom 1.0 content with a non-text MIME type is base64 too.
    base64 = NamespaceHandler.attr(r, "mode").equals("base64")
        || (type.contains("/") && !type.startsWith("text/") && !type.endsWith("+xml") && !type.endsWith("/xml")
            && !local.equals("link"));
    if (!local.equals("link")) return;
    String rel = NamespaceHandler.attr(r, "rel").strip();
    if (rel.isEmpty()) rel = "alternate";
    String href = s.url(NamespaceHandler.attr(r, "href"));
    if (href.isEmpty()) return;
    if (s.itemChild()) {
      switch (rel) {
        case "alternate" -> s.item.link.offer(href, 2);
        case "enclosure" -> s.item.atomEnclosures.add(new Enclosure(href, NamespaceHandler.attr(r, "type").strip(),
            FeedState.length(NamespaceHandler.attr(r, "length"))));
        default -> { }
      }
    } else if (s.channelChild()) {
      switch (rel) {
        case "alternate" -> s.show.link.offer(href, 2);
        case "next" -> s.show.nextPage.offer(href, 1);
        case "payment" -> s.show.funding.add(href);
        default -> { }
      }
    }
  }

  @Override
  public void end(String local, String raw, FeedState s) {
    String text = base64 ? decodeBase64(raw) : raw;
    base64 = false;
    if (s.itemChild()) {
      switch (local) {
        case "id" -> s.item.guid.offer(text.strip(), 2);
        case "title" -> s.item.title.offer(FeedState.oneLine(text), 2);
        case "summary" -> s.item.description.offer(text.strip(), 1);
        case "content" -> s.item.description.offer(text.strip(), 3);
        case "published", "issued" -> s.item.published.offer(Dates.parse(text).orElse(null), 3);
        case "created" -> s.item.published.offer(Dates.parse(text).orElse(null), 2);
        case "updated", "modified" -> s.item.published.offer(Dates.parse(text).orElse(null), 1);
        default -> { }
      }
    } else if (s.channelChild()) {
      switch (local) {
        case "title" -> s.show.title.offer(FeedState.oneLine(text), 2);
        case "subtitle", "tagline" -> s.show.description.offer(text.strip(), 1);
        case "logo" -> s.show.image.offer(s.url(text), 1);
        case "icon" -> s.show.image.offer(s.url(text), 0);
        default -> { }
      }
    } else if (s.scope == FeedState.Scope.CHANNEL && s.level == 2 && s.parent.equals("author") && local.equals("name")) {
      s.show.author.offer(text.strip(), 1);
    }
  }
}
