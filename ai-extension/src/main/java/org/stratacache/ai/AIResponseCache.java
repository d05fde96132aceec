package org.stratacache.ai;

import java.util.Map;
import javax.cache.expiry.ExpiryPolicy;

/**
 * LLM responses cached by operation, model, options and text. Reach it from a Strata cache of
 * {@code String} to {@link AIResponse}:
 *
 * <pre>{@code
 * Cache<String, AIResponse> cache = manager.createCache("ai-responses", AIResponseCacheConfiguration.defaults());
 * AIResponseCache ai = cache.unwrap(AIResponseCache.class);
 * AIResponse summary = ai.getOrCompute(article, "summarize", Map.of("max_words", 100), () -> llm.summarize(article));
 * }</pre>
 *
 * <p>Every answer lives as long as its operation's lifetime (summarize 2 h, sentiment 24 h,
 * key_points 2 h, questions 1 h, qa 30 min by default; other operations get the cache's own expiry),
 * as the entry's own TTL on Redis. {@link #forTenant} gives a view that can only see its tenant's
 * entries; {@link #forModel} a view for another model. Views share the entries and the metrics.
 * Thread-safe.
 */
public interface AIResponseCache {

  /**
   * The cached answer to {@code request}, or {@code null}: also {@code null} when the request asks
   * for no-store or refresh, or when the cached answer is older than its max-age. On a fail-open
   * cache (the default) an unreachable store is a {@code null} too.
   */
  AIResponse get(AIRequest request);

  /**
   * Caches {@code response} for {@code request}: for the request's lifetime, or its operation's;
   * nothing when the request asks for no-store. An answer without a creation time gets the current one.
   */
  void put(AIRequest request, AIResponse response);

  /**
   * The cached answer, or else the model's, cached, as the request's controls say: no-store calls
   * the model and neither reads nor stores; refresh skips the read and stores the fresh answer;
   * max-age accepts only a younger cached answer. Concurrent identical requests in this JVM make
   * one model call and all receive its answer; if the call fails, nothing is cached and every
   * waiter receives the failure (a checked exception wrapped in {@link ModelCallException}). The
   * cache stamps an answer's unknown creation time and latency.
   */
  AIResponse getOrCompute(AIRequest request, ModelCall model);

  /** The key {@code request} gets, as stored. */
  String keyFor(AIRequest request);

  /** The cached answer, or {@code null}: {@link #get(AIRequest)} of a request of these. */
  AIResponse getCachedResponse(String text, String operation, Map<String, ?> options);

  /** The cached answer to {@code question} about {@code text}, or {@code null}. */
  AIResponse getCachedResponse(String text, String operation, Map<String, ?> options, String question);

  /** Caches an answer for its operation's lifetime. */
  void cacheResponse(String text, String operation, Map<String, ?> options, AIResponse response);

  /** Caches the answer to {@code question} about {@code text} for its operation's lifetime. */
  void cacheResponse(String text, String operation, Map<String, ?> options, AIResponse response, String question);

  /** {@link #getOrCompute(AIRequest, ModelCall)} of a request of these. */
  AIResponse getOrCompute(String text, String operation, Map<String, ?> options, ModelCall model);

  /** {@link #getOrCompute(String, String, Map, ModelCall)} for a question about {@code text}. */
  AIResponse getOrCompute(String text, String operation, Map<String, ?> options, String question, ModelCall model);

  /**
   * Removes every answer of {@code operation} (of this view's tenant, or of every tenant from the
   * root view), in every JVM sharing the store, at a cost in proportion to those answers.
   *
   * @return how many answers were removed
   */
  long invalidateByOperation(String operation);

  /**
   * {@link #invalidateByOperation(String)}, logging {@code reason} (e.g. "model upgraded").
   *
   * @return how many answers were removed
   */
  long invalidateByOperation(String operation, String reason);

  /**
   * Removes every answer (of this view's tenant, or every AI answer in the cache from the root view).
   *
   * @return how many answers were removed
   */
  long invalidateAll();

  /** A view whose keys carry {@code tenant}: it never reads or invalidates another tenant's answers. */
  AIResponseCache forTenant(String tenant);

  /** A view whose keys carry {@code model} instead of the default model. */
  AIResponseCache forModel(String model);

  /** The key a request gets, as stored. */
  String keyFor(String text, String operation, Map<String, ?> options, String question);

  /** The expiry policy of an operation's answers, or {@code null} when the cache's own applies. */
  ExpiryPolicy expiryPolicyFor(String operation);

  /** Hits, misses and savings, per operation and per text tier. */
  AIPerformanceSummary getAiPerformanceSummary();

  /** The settings this cache runs with. */
  AISettings settings();
}
