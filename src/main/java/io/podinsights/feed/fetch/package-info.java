/**
 * The one guarded HTTP client of podinsights: SSRF checks on the address actually dialled at every hop, hand-followed
 * redirects, conditional GET, bounded decoding, deadlines, per-host limits, resumable downloads, and the pure poll
 * policy. Imports only the JDK, Apache HttpClient 5 and SLF4J; nothing else from podinsights.
 */
package io.podinsights.feed.fetch;
