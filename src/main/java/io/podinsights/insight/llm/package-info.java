/**
 * Step 3, optional: rewrites the offline miner's best candidates into crisp insights with a language model
 * (LangChain4j {@code ChatModel}), and checks every answer against the transcript before using it. Holds the model
 * config and factory, the prompt, the grounding checks, the token budget and the answer cache. Imports only
 * {@code insight} and {@code transcript} (plus LangChain4j and Jackson); never storage, jobs, web or cli.
 */
package io.podinsights.insight.llm;
