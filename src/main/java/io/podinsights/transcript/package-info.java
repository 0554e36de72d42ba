/**
 * Step 2: an episode's words with their times. {@code Transcript} and {@code Segment} here; {@code format} parses
 * publisher transcripts, {@code speech} makes machine transcripts from audio. Imports only {@code podcast}.
 */
package io.podinsights.transcript;
