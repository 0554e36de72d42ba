package io.podinsights.insight;

import java.util.Optional;

/** A candidate passage: cleaned text, the verbatim words it rests on, its speaker and its times in seconds. */
public record Passage(String text, String quote, Optional<String> speaker, double start, double end) {}
