package org.stratacache.ai;

import org.stratacache.jcache.CacheExtension;
import org.stratacache.jcache.StrataCache;
import org.stratacache.jcache.configuration.StrataConfiguration;

/**
 * Provides {@link AIResponseCache} to {@code cache.unwrap}, for caches of {@code String} keys and
 * {@link AIResponse} values (or {@code Object}). Registered in {@code META-INF/services}.
 */
public final class AICacheExtension implements CacheExtension {

  @Override
  public <T> T extend(StrataCache<?, ?> cache, Class<T> type) {
    if (type != AIResponseCache.class) {
      return null;
    }
    @SuppressWarnings("unchecked")
    StrataConfiguration<?, ?> configuration = cache.getConfiguration(StrataConfiguration.class);
    if (configuration.getKeyType() != String.class && configuration.getKeyType() != Object.class) {
      throw new IllegalArgumentException("AIResponseCache needs a cache with String keys; cache '" + cache.getName()
          + "' has keys of " + configuration.getKeyType().getName()
          + " (create it with AIResponseCacheConfiguration.defaults())");
    }
    if (!configuration.getValueType().isAssignableFrom(AIResponse.class)) {
      throw new IllegalArgumentException("AIResponseCache needs a cache of AIResponse values; cache '"
          + cache.getName() + "' holds " + configuration.getValueType().getName()
          + " (create it with AIResponseCacheConfiguration.defaults())");
    }
    AISettings settings = configuration.getExtension(AISettings.class);
    @SuppressWarnings("unchecked")
    StrataCache<String, AIResponse> typed = (StrataCache<String, AIResponse>) cache;
    return type.cast(DefaultAIResponseCache.create(typed,
        settings == null ? AISettings.fromEnvironment().build() : settings));
  }
}
