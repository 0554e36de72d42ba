/**
 * Orchestration only: load, run a step, save. Polls feeds, moves each episode through its stages (transcript,
 * insights) with stored state and retries, and builds and delivers digests. The steps it calls never see storage.
 */
package io.podinsights.pipeline;
