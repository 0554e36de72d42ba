/**
 * Step 1b: turns feed bytes into {@link io.podinsights.podcast.Show} and {@link io.podinsights.podcast.Episode}
 * records with a hardened streaming (StAX) parser and one handler class per XML namespace. Pure: no HTTP, no
 * storage, no clock except the injected {@link java.time.InstantSource}. May import only {@code io.podinsights.podcast}
 * and the JDK.
 */
package io.podinsights.feed.parse;
