/**
 * Step 1, feeds: {@code fetch/} is the guarded HTTP client every outbound request goes through (feeds, redirects,
 * transcripts, OPML, audio) plus the poll policy; {@code parse/} is the feed parser and OPML. Imports only
 * {@code io.podinsights.podcast}.
 */
package io.podinsights.feed;
