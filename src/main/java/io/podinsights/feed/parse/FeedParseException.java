package io.podinsights.feed.parse;

import java.util.Objects;

/** A feed that could not be turned into episodes, with the reason classified so callers can react per kind. */
public final class FeedParseException extends Exception {

  /** Why a feed was refused. */
  public enum Kind {
    /** The body is empty or only whitespace. */
    EMPTY,
    /** The body is not XML at all (no markup, JSON, plain text). */
    NOT_XML,
    /** The body is an HTML page (login wall, error page, captive portal). */
    HTML_PAGE,
    /** Well-formed XML whose root is not rss, RDF or Atom feed. */
    NOT_A_FEED,
    /** A DOCTYPE declaring entities (entity-expansion or external-entity attack shape); never processed. */
    UNSAFE_DTD,
    /** The body is over the byte limit or nests deeper than the depth limit. */
    TOO_LARGE,
    /** XML that stays broken after every recovery. */
    MALFORMED
  }

  private final Kind kind;

  public FeedParseException(Kind kind, String message) {
    super(message);
    this.kind = Objects.requireNonNull(kind);
  }

  public FeedParseException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = Objects.requireNonNull(kind);
  }

  public Kind kind() {
    return kind;
  }
}
