/**
 * OPML subscription lists: import (nested outlines, categories, tolerant of the same junk as feeds) and OPML 2.0
 * export. Pure: bytes in, records out. May import {@code io.podinsights.feed.parse} (for its lenient XML reading) and
 * the JDK.
 */
package io.podinsights.feed.opml;
