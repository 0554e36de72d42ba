/** Parsers for publisher transcript formats (JSON, WebVTT, SRT, HTML, plain text and Markdown) into a {@code Transcript}. */
package io.podinsights.transcript.format;
