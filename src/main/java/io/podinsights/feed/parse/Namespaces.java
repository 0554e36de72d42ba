package io.podinsights.feed.parse;

/** The namespace URIs the handlers recognise, with the variants seen in real feeds. */
final class Namespaces {
  static final String RSS10 = "http://purl.org/rss/1.0/";
  static final String RSS090 = "http://my.netscape.com/rdf/simple/0.9/";
  static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
  static final String ATOM = "http://www.w3.org/2005/Atom";
  static final String ATOM03 = "http://purl.org/atom/ns#";
  static final String ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd";
  static final String PODCAST = "https://podcastindex.org/namespace/1.0";
  static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
  static final String MEDIA = "http://search.yahoo.com/mrss/";
  static final String GOOGLE_PLAY = "http://www.google.com/schemas/play-podcasts/1.0";
  static final String DC = "http://purl.org/dc/elements/1.1/";
  static final String XML = "http://www.w3.org/XML/1998/namespace";

  private Namespaces() {}
}
