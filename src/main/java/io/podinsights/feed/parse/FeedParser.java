package io.podinsights.feed.parse;

import io.podinsights.podcast.Enclosure;
import io.podinsights.podcast.Episode;
import io.podinsights.podcast.Show;
import java.io.StringReader;
import java.net.URI;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Parses feed bytes (RSS 0.9x/1.0/2.0, Atom) into a {@link ParsedFeed} with a hardened streaming parser: DTDs are
 * never processed, no entity is expanded, nothing external is opened, and depth, field length and item count are
 * bounded. Malformed feeds are repaired where that is safe (recorded in {@link ParsedFeed#recoveries()}); the rest are
 * refused with a classified {@link FeedParseException}. Pure and thread-safe: no I/O, no storage.
 */
public final class FeedParser {
  private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");

  private final FeedLimits limits;
  private final InstantSource clock;

  public FeedParser(FeedLimits limits, InstantSource clock) {
    this.limits = Objects.requireNonNull(limits);
    this.clock = Objects.requireNonNull(clock);
  }

  /** A parser with {@link FeedLimits#defaults()}. */
  public FeedParser(InstantSource clock) {
    this(FeedLimits.defaults(), clock);
  }

  /** Parses one feed; never returns partial results silently: what was repaired or dropped is in the result. */
  public ParsedFeed parse(FeedInput in) throws FeedParseException {
    String where = in.baseUrl().toString();
    if (in.body().length > limits.maxBytes()) {
      throw new FeedParseException(FeedParseException.Kind.TOO_LARGE, "feed: " + where + " is " + in.body().length
          + " bytes, over the " + limits.maxBytes() + "-byte limit; the feed is refused");
    }
    if (in.body().length == 0) {
      throw new FeedParseException(FeedParseException.Kind.EMPTY, "feed: " + where + " answered an empty body; check the URL");
    }
    List<String> recoveries = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    String text = FeedDecoder.decode(in.body(), in.httpContentType(), recoveries, warnings);
    XmlRepair.Prolog prolog = XmlRepair.prolog(text, "feed: " + where, recoveries);
    try {
      // Each attempt gets its own copies, so a failed first pass leaves nothing behind.
      return run(prolog.text(), in.baseUrl(), where, new ArrayList<>(recoveries), new ArrayList<>(warnings));
    } catch (XMLStreamException first) {
      List<String> recoveries2 = new ArrayList<>(recoveries);
      List<String> warnings2 = new ArrayList<>(warnings);
      String repaired = XmlRepair.repair(prolog.text(), recoveries2);
      repaired = XmlRepair.declarePrefixes(repaired, recoveries2);
      try {
        return run(repaired, in.baseUrl(), where, recoveries2, warnings2);
      } catch (XMLStreamException second) {
        throw new FeedParseException(FeedParseException.Kind.MALFORMED,
            "feed: " + where + " is not well-formed XML even after repairs (" + describe(second)
                + "); the publisher must fix the feed", second);
      }
    }
  }

  private static String describe(XMLStreamException e) {
    Location l = e.getLocation();
    String msg = Objects.requireNonNullElse(e.getMessage(), e.toString());
    int idx = msg.indexOf("Message: ");
    if (idx >= 0) msg = msg.substring(idx + 9);
    msg = XmlRepair.clip(msg.strip(), 160);
    return l == null ? msg : "line " + l.getLineNumber() + ", column " + l.getColumnNumber() + ": " + msg;
  }

  static XMLInputFactory hardenedFactory() {
    XMLInputFactory f = XMLInputFactory.newDefaultFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    f.setProperty(XMLInputFactory.IS_COALESCING, false);
    f.setXMLResolver((publicId, systemId, baseUri, ns) -> {
      throw new XMLStreamException("feed: external resource refused: " + systemId);
    });
    try {
      f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    } catch (IllegalArgumentException ignored) {
      // Not every StAX implementation knows the JAXP property; SUPPORT_DTD=false already covers it.
    }
    return f;
  }

  private enum Format { RSS, RDF, ATOM }

  private ParsedFeed run(String xml, URI baseUrl, String where, List<String> recoveries, List<String> warnings)
      throws XMLStreamException, FeedParseException {
    XMLStreamReader r = hardenedFactory().createXMLStreamReader(new StringReader(xml));
    FeedState s = new FeedState(baseUrl, warnings);
    RssHandler rss = new RssHandler();
    AtomHandler atom = new AtomHandler();
    Map<String, NamespaceHandler> handlers = new HashMap<>();
    handlers.put(Namespaces.RSS10, rss);
    handlers.put(Namespaces.RSS090, rss);
    handlers.put(Namespaces.ATOM, atom);
    handlers.put(Namespaces.ATOM03, atom);
    ItunesHandler itunes = new ItunesHandler();
    handlers.put(Namespaces.ITUNES, itunes);
    handlers.put("https://www.itunes.com/dtds/podcast-1.0.dtd", itunes);
    handlers.put("http://www.itunes.com/DTDs/Podcast-1.0.dtd", itunes);
    handlers.put("http://www.itunes.com/dtds/Podcast-1.0.dtd", itunes);
    handlers.put("http://www.itunes.com/DTDs/podcast-1.0.dtd", itunes);
    PodcastHandler podcast = new PodcastHandler();
    handlers.put(Namespaces.PODCAST, podcast);
    handlers.put("http://podcastindex.org/namespace/1.0", podcast);
    handlers.put("https://podcastindex.org/namespace/1.0/", podcast);
    handlers.put("https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/1.0.md", podcast);
    ContentHandler content = new ContentHandler();
    handlers.put(Namespaces.CONTENT, content);
    MediaHandler media = new MediaHandler();
    handlers.put(Namespaces.MEDIA, media);
    handlers.put("http://search.yahoo.com/mrss", media);
    handlers.put(Namespaces.DC, new DublinCoreHandler());
    handlers.put(Namespaces.GOOGLE_PLAY, new GooglePlayHandler());

    Set<String> unknownNs = new HashSet<>();
    int max = limits.maxDepth();
    NamespaceHandler[] handlerAt = new NamespaceHandler[max + 2];
    String[] localAt = new String[max + 2];
    int[] textStart = new int[max + 2];
    FeedState.Scope[] scopeAt = new FeedState.Scope[max + 2];
    int[] levelAt = new int[max + 2];
    URI[] baseAt = new URI[max + 2];
    StringBuilder text = new StringBuilder(4096);
    int fieldCap = limits.maxFieldChars();
    boolean truncatedField = false;

    Format format = null;
    String rootNs = "";
    int depth = 0;
    int channelDepth = -1;
    int itemDepth = -1;
    boolean skippingItem = false;
    boolean sawChannel = false;
    int itemsSeen = 0;
    int entitiesMapped = 0;
    int entitiesUnknown = 0;
    List<EpisodeDraft> drafts = new ArrayList<>();

    while (r.hasNext()) {
      int ev = r.next();
      switch (ev) {
        case XMLStreamConstants.START_ELEMENT -> {
          depth++;
          if (depth > max) {
            throw new FeedParseException(FeedParseException.Kind.TOO_LARGE, "feed: " + where + " nests elements deeper than "
                + max + " levels; refused");
          }
          String ns = Objects.requireNonNullElse(r.getNamespaceURI(), "");
          String local = r.getLocalName();
          localAt[depth] = local;
          baseAt[depth] = s.base;
          if (r.getAttributeCount() > 0) {
            String xmlBase = r.getAttributeValue(Namespaces.XML, "base");
            if (xmlBase != null && !xmlBase.isBlank()) {
              String resolved = FeedState.resolve(s.base, xmlBase.strip());
              try {
                s.base = URI.create(resolved);
              } catch (IllegalArgumentException e) {
                warnings.add("feed: ignored invalid xml:base " + XmlRepair.clip(xmlBase, 80));
              }
            }
          }
          handlerAt[depth] = null;
          textStart[depth] = text.length();
          if (depth == 1) {
            if (local.equals("rss") || (local.equals("channel") && ns.isEmpty())) {
              format = Format.RSS;
              // Some RSS 2.0 feeds put their elements in a namespace (http://backend.userland.com/rss2).
              rootNs = ns;
              handlers.putIfAbsent(ns, rss);
              if (local.equals("channel")) {
                channelDepth = 1;
                sawChannel = true;
              }
            } else if (local.equals("RDF")) {
              format = Format.RDF;
            } else if (local.equals("feed")) {
              // Atom 1.0, 0.3, or a pre-standard Atom namespace: all read as Atom.
              format = Format.ATOM;
              rootNs = ns;
              channelDepth = 1;
              sawChannel = true;
              handlers.put(ns, atom);
            } else {
              throw new FeedParseException(FeedParseException.Kind.NOT_A_FEED, "feed: " + where
                  + " is XML but not a feed (root element <" + local + ">, expected rss, rdf:RDF or Atom feed); check the URL");
            }
            if (format != Format.ATOM) handlers.put("", rss);
            scopeAt[depth] = FeedState.Scope.ROOT;
            continue;
          }
          boolean rssNs = ns.isEmpty() || ns.equals(rootNs) || ns.equals(Namespaces.RSS10) || ns.equals(Namespaces.RSS090);
          if (channelDepth < 0 && depth == 2 && local.equals("channel") && rssNs) {
            channelDepth = depth;
            sawChannel = true;
            scopeAt[depth] = FeedState.Scope.ROOT;
            continue;
          }
          if (itemDepth < 0 && isItem(format, ns.equals(rootNs), local, depth, channelDepth, rssNs)) {
            itemDepth = depth;
            itemsSeen++;
            skippingItem = itemsSeen > limits.maxItems();
            s.item = new EpisodeDraft();
            scopeAt[depth] = FeedState.Scope.ROOT;
            continue;
          }
          if (itemDepth > 0) {
            s.scope = FeedState.Scope.ITEM;
            s.level = depth - itemDepth;
          } else if (channelDepth > 0 && depth > channelDepth) {
            s.scope = FeedState.Scope.CHANNEL;
            s.level = depth - channelDepth;
          } else {
            s.scope = FeedState.Scope.ROOT;
            s.level = depth;
          }
          scopeAt[depth] = s.scope;
          levelAt[depth] = s.level;
          if (skippingItem) continue;
          NamespaceHandler h = handlers.get(ns);
          if (h == null && !ns.isEmpty() && unknownNs.add(ns)) {
            // Namespace URIs are case-sensitive, but feeds write HTTP://WWW.ITUNES.COM/DTDS/PODCAST-1.0.DTD too.
            NamespaceHandler lower = handlers.get(ns.toLowerCase(java.util.Locale.ROOT));
            if (lower != null) {
              handlers.put(ns, lower);
              h = lower;
            }
          }
          if (h != null && s.scope != FeedState.Scope.ROOT) {
            handlerAt[depth] = h;
            s.parent = localAt[depth - 1];
            h.start(local, r, s);
          }
        }
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
          if (depth >= 2 && !skippingItem) {
            int room = fieldCap - (text.length() - textStart[depth]);
            int n = r.getTextLength();
            if (room >= n) {
              text.append(r.getTextCharacters(), r.getTextStart(), n);
            } else if (room > 0) {
              text.append(r.getTextCharacters(), r.getTextStart(), room);
              truncatedField = true;
            } else {
              truncatedField = true;
            }
          }
        }
        case XMLStreamConstants.ENTITY_REFERENCE -> {
          // Only undeclared entities reach here (DTDs are never processed): map HTML names, keep others as text.
          String name = r.getLocalName();
          Optional<String> mapped = HtmlEntities.lookup(name);
          if (mapped.isPresent()) entitiesMapped++;
          else entitiesUnknown++;
          if (depth >= 2 && !skippingItem) text.append(mapped.orElse("&" + name + ";"));
        }
        case XMLStreamConstants.END_ELEMENT -> {
          NamespaceHandler h = handlerAt[depth];
          if (h != null) {
            s.scope = scopeAt[depth];
            s.level = levelAt[depth];
            s.parent = localAt[depth - 1];
            h.end(localAt[depth], text.substring(textStart[depth]), s);
          }
          if (format == Format.RSS && channelDepth < 0 && depth == 3 && localAt[depth].equals("newLocation")
              && localAt[2].equals("redirect")) {
            String url = s.url(text.substring(textStart[depth]));
            if (!url.isEmpty()) s.show.newFeedUrl.offer(url, 2);
          }
          if (depth == itemDepth) {
            if (!skippingItem) drafts.add(s.item);
            s.item = null;
            itemDepth = -1;
            skippingItem = false;
          } else if (depth == channelDepth && format != Format.ATOM) {
            channelDepth = -1;
          }
          if (scopeAt[depth] == FeedState.Scope.ROOT || levelAt[depth] <= 1) text.setLength(textStart[depth]);
          s.base = baseAt[depth];
          depth--;
        }
        default -> { }
      }
    }
    r.close();
    if (format == null) {
      throw new FeedParseException(FeedParseException.Kind.NOT_A_FEED, "feed: " + where + " has no root element; check the URL");
    }
    if (!sawChannel && format == Format.RSS && s.show.newFeedUrl.get().isEmpty()) {
      warnings.add("feed: " + where + " has an <rss> root but no <channel>: no show data, no episodes");
    }
    if (entitiesMapped + entitiesUnknown > 0) {
      recoveries.add("replaced " + entitiesMapped + " undeclared HTML entity references"
          + (entitiesUnknown > 0 ? " and kept " + entitiesUnknown + " unknown ones as text" : ""));
    }
    if (truncatedField) warnings.add("feed: some fields were longer than " + fieldCap + " characters and were cut");
    if (itemsSeen > limits.maxItems()) {
      warnings.add("feed: " + itemsSeen + " items; kept the first " + limits.maxItems());
    }
    return finish(s, drafts, recoveries, warnings);
  }

  private static boolean isItem(Format format, boolean rootNs, String local, int depth, int channelDepth, boolean rssNs) {
    if (format == Format.ATOM) return depth == 2 && local.equals("entry") && rootNs;
    if (!local.equals("item") || !rssNs) return false;
    if (format == Format.RDF) return depth == 2 || (channelDepth > 0 && depth == channelDepth + 1);
    return channelDepth > 0 && depth == channelDepth + 1;
  }

  private ParsedFeed finish(FeedState s, List<EpisodeDraft> drafts, List<String> recoveries, List<String> warnings) {
    ShowDraft d = s.show;
    Show show = new Show(d.title.orElse(""), d.link.orElse(""), d.description.orElse(""), d.author.orElse(""),
        d.image.orElse(""), d.language.orElse(""), d.persons);
    ShowExtras showExtras = new ShowExtras(d.podcastGuid.get(), d.blocked, d.locked,
        d.locked && !d.lockOwner.isEmpty() ? Optional.of(d.lockOwner) : Optional.empty(), d.funding,
        d.nextPage.get(), d.itunesType.orElse(""), d.explicit.get());

    Instant latest = clock.instant().plus(2, ChronoUnit.DAYS);
    List<Episode> episodes = new ArrayList<>(drafts.size());
    Map<String, EpisodeExtras> extras = new LinkedHashMap<>();
    Set<String> seenGuids = new HashSet<>();
    Set<String> seenMedia = new HashSet<>();
    int noIdentity = 0;
    int dupGuid = 0;
    int dupMedia = 0;
    int clamped = 0;
    for (EpisodeDraft e : drafts) {
      Optional<Enclosure> enclosure = chooseEnclosure(e);
      String link = e.link.orElse("");
      String guid = e.guid.get().or(() -> enclosure.map(Enclosure::url)).orElse(link);
      if (guid.isBlank()) {
        noIdentity++;
        continue;
      }
      if (!seenGuids.add(guid)) {
        dupGuid++;
        continue;
      }
      boolean media = enclosure.isPresent() && !enclosure.get().type().startsWith("image");
      if (media && !seenMedia.add(enclosure.get().url())) {
        dupMedia++;
        continue;
      }
      Optional<Instant> published = e.published.get();
      if (published.isPresent() && (published.get().isBefore(EARLIEST) || published.get().isAfter(latest))) {
        clamped++;
        published = Optional.of(published.get().isBefore(EARLIEST) ? EARLIEST : clock.instant());
      }
      episodes.add(new Episode(guid, e.title.orElse(""), link, e.description.orElse(""), published, enclosure,
          e.duration.get(), e.transcripts, e.persons, e.season.get(), e.number.get()));
      List<Enclosure> all = new ArrayList<>(e.rssEnclosures);
      all.addAll(e.atomEnclosures);
      all.addAll(e.mediaContents);
      extras.put(guid, new EpisodeExtras(e.chapters.get(), e.image.get(), e.soundbites, all,
          e.episodeType.orElse(""), e.blocked, e.explicit.get()));
    }
    if (noIdentity > 0) warnings.add("feed: skipped " + noIdentity + " items with no guid, enclosure or link");
    if (dupGuid > 0) warnings.add("feed: dropped " + dupGuid + " items repeating an earlier guid");
    if (dupMedia > 0) warnings.add("feed: dropped " + dupMedia + " items repeating an earlier enclosure URL");
    if (clamped > 0) warnings.add("feed: clamped " + clamped + " publication dates before 1970 or in the future");
    return new ParsedFeed(show, episodes, showExtras, extras, d.newFeedUrl.get(), d.updateInterval.get(),
        recoveries, warnings);
  }

  /** The first audio or video enclosure, else the first enclosure, else an Atom enclosure link, else media:content. */
  private static Optional<Enclosure> chooseEnclosure(EpisodeDraft e) {
    for (List<Enclosure> list : List.of(e.rssEnclosures, e.atomEnclosures, e.mediaContents)) {
      for (Enclosure x : list) {
        if (x.type().startsWith("audio") || x.type().startsWith("video")) return Optional.of(x);
      }
      if (!list.isEmpty() && list != e.mediaContents) return Optional.of(list.get(0));
    }
    for (Enclosure x : e.mediaContents) {
      if (!x.type().startsWith("image")) return Optional.of(x);
    }
    return Optional.empty();
  }
}
