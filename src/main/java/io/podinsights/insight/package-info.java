/** Step 3: mines a transcript for insights. Pure: takes a {@code Transcript}, returns insights; no storage, no HTTP. */
package io.podinsights.insight;
