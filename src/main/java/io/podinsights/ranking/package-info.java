/**
 * Step 4: picks today's top insights from candidates the pipeline loads: quality x novelty, diverse across shows and
 * episodes, no near-duplicates (MMR on embeddings). Pure: imports only the JDK; never
 * {@code storage}, {@code jobs}, {@code web} or {@code cli}.
 */
package io.podinsights.ranking;
