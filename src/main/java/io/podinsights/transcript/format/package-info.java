/**
 * Publisher transcripts: one parser per format (JSON, WebVTT, SRT, HTML; plain text and Markdown in
 * {@code TextTranscriptParser}) into a {@code Transcript}; {@code TranscriptFormats} picks the format from MIME type,
 * name and content; {@code PublishedTranscripts} tries an episode's {@code podcast:transcript} links best first through a
 * caller-supplied {@code TranscriptFetcher}; {@code TranscriptJson} writes the stable JSON shape. Does no HTTP and no
 * storage. Imports only {@code io.podinsights.transcript}, {@code io.podinsights.podcast} and Jackson.
 */
package io.podinsights.transcript.format;
