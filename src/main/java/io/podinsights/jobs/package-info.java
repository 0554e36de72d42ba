/**
 * Background work on db-scheduler: recurring jobs that poll feeds, process episodes and deliver digests. The
 * scheduler hands each run to exactly one live process, also across machines on PostgreSQL. Imports {@code storage}
 * for the dialect only; the work itself is the pipeline's.
 */
package io.podinsights.jobs;
