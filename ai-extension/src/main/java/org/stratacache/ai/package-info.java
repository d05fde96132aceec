/**
 * The AI response cache: LLM responses cached by operation, model, options and text (long texts
 * hashed), with an expiry per operation, invalidation by operation, tenants as hard partitions,
 * single-flight loading and AI metrics. Reached with {@code cache.unwrap(AIResponseCache.class)};
 * built on Strata Cache's public API only.
 */
package org.stratacache.ai;
