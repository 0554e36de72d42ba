/** The command-line surface: one picocli command per verb. Wires the steps, storage and jobs together. */
package io.podinsights.cli;
