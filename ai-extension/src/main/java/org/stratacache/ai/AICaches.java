package org.stratacache.ai;

import java.util.Objects;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;

/**
 * The one-line start for an AI application: a standard {@link Cache} of model answers, in memory
 * when no Redis URI is configured and on Redis when one is, ready for
 * {@code unwrap(AIResponseCache.class)}.
 *
 * <pre>{@code
 * AIResponseCache ai = AICaches.aiCache("ai-responses").unwrap(AIResponseCache.class);
 * }</pre>
 */
public final class AICaches {

  private AICaches() {
  }

  /** {@link #aiCache(CacheManager, String)} on the default cache manager. */
  public static Cache<String, AIResponse> aiCache(String name) {
    return aiCache(Caching.getCachingProvider().getCacheManager(), name);
  }

  /**
   * The AI cache {@code name} of {@code manager}, created with {@link AIResponseCacheConfiguration#defaults()}
   * (plus statistics) if it does not exist yet.
   */
  public static Cache<String, AIResponse> aiCache(CacheManager manager, String name) {
    Objects.requireNonNull(name, "name");
    Cache<String, AIResponse> existing = manager.getCache(name, String.class, AIResponse.class);
    if (existing != null) {
      return existing;
    }
    return manager.createCache(name, AIResponseCacheConfiguration.builder()
        .cache(settings -> settings.statisticsEnabled(true)).build());
  }
}
