package org.stratacache.jcache;

import java.time.Duration;
import java.util.Objects;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import org.stratacache.jcache.configuration.SerializationSettings;
import org.stratacache.jcache.configuration.StrataConfiguration;

/**
 * Shortcuts for the common case of a web application (sessions, API responses, configuration):
 * one line gives a standard {@link Cache}, in memory when no Redis URI is configured and on Redis
 * when one is ({@code REDIS_URL}, {@code strata.redis-uri}, or the manager's configuration file).
 *
 * <pre>{@code
 * Cache<String, Profile> profiles = StrataCaches.webCache("profiles", Profile.class, Duration.ofMinutes(15));
 * }</pre>
 *
 * The AI case has its twin in the AI module ({@code AICaches}).
 */
public final class StrataCaches {

  /** The bound of a web cache kept in memory. */
  public static final long WEB_CACHE_MAXIMUM_SIZE = 10_000;

  private StrataCaches() {
  }

  /** {@link #webCache(CacheManager, String, Class, Duration)} on the default cache manager. */
  public static <V> Cache<String, V> webCache(String name, Class<V> valueType, Duration ttl) {
    return webCache(Caching.getCachingProvider().getCacheManager(), name, valueType, ttl);
  }

  /**
   * The web cache {@code name} of {@code manager}, created if it does not exist yet: {@code String}
   * keys, values of {@code valueType} (allowed for serialization on Redis), entries living
   * {@code ttl} after they are written, statistics on, at most {@value #WEB_CACHE_MAXIMUM_SIZE}
   * entries when in memory.
   *
   * @throws ClassCastException when a cache of that name exists with other types
   */
  public static <V> Cache<String, V> webCache(CacheManager manager, String name, Class<V> valueType, Duration ttl) {
    Objects.requireNonNull(ttl, "ttl");
    Cache<String, V> existing = manager.getCache(name, String.class, valueType);
    if (existing != null) {
      return existing;
    }
    return manager.createCache(name, StrataConfiguration.builder(String.class, valueType)
        .defaultTtl(ttl)
        .maximumSize(WEB_CACHE_MAXIMUM_SIZE)
        .statisticsEnabled(true)
        .serialization(SerializationSettings.none().allowClass(valueType))
        .build());
  }
}
