package io.podinsights.cli;

import picocli.CommandLine.Command;

/** {@code podinsights eval stt|insights}: the evaluations whose figures are in BENCHMARKS.md. */
@Command(name = "eval", description = "Measure speech-to-text and insight quality against reference data.",
    mixinStandardHelpOptions = true, subcommands = {EvalSttCommand.class, EvalInsightsCommand.class})
final class EvalCommand {}
