package org.stratacache.spring.boot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.stratacache.jcache.StrataCache;
import org.stratacache.jcache.configuration.ResiliencePolicy;
import org.stratacache.jcache.configuration.StoreType;
import org.stratacache.jcache.configuration.StrataConfiguration;
import org.stratacache.jcache.store.StoreMetrics;

/**
 * The state of the manager's Redis caches: each is asked whether a key that is never written exists
 * (a read that reaches Redis, counts in no statistics and loads nothing). {@code DOWN} when a cache
 * under resilience {@code fail} cannot reach Redis; a cache under {@code miss} or {@code local-fallback}
 * that cannot reach Redis is reported {@code degraded} in the details while the whole stays
 * {@code UP}, since it still answers (Boot would rank an unknown status above {@code DOWN}).
 * Memory caches are not listed.
 */
public class StrataHealthIndicator extends AbstractHealthIndicator {

  /** The key probed; never written by the starter. */
  static final String PROBE_KEY = "strata-health-probe";

  private final Supplier<CacheManager> manager;

  /** Reports the Redis caches of the manager {@code manager} supplies (none when it supplies {@code null}). */
  public StrataHealthIndicator(Supplier<CacheManager> manager) {
    super("Strata Cache health check failed");
    this.manager = manager;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    Map<String, Object> caches = new LinkedHashMap<>();
    boolean down = false;
    CacheManager current = manager.get();
    Iterable<String> names = current == null || current.isClosed() ? List.of() : current.getCacheNames();
    for (String name : names) {
      Cache<Object, Object> cache = current.getCache(name);
      StrataConfiguration<?, ?> configuration = cache == null ? null : strataConfiguration(cache);
      if (configuration == null || configuration.getStoreType() != StoreType.REDIS) {
        continue;
      }
      Map<String, Object> detail = check(cache, configuration);
      down |= "down".equals(detail.get("state"));
      caches.put(name, detail);
    }
    if (down) {
      builder.down();
    } else {
      builder.up();
    }
    builder.withDetail("caches", caches);
  }

  private static StrataConfiguration<?, ?> strataConfiguration(Cache<?, ?> cache) {
    try {
      return cache.getConfiguration(StrataConfiguration.class);
    } catch (IllegalArgumentException notStrata) {
      return null;
    }
  }

  private static Map<String, Object> check(Cache<Object, Object> cache, StrataConfiguration<?, ?> configuration) {
    Map<String, Object> detail = new LinkedHashMap<>();
    ResiliencePolicy resilience = configuration.getResiliencePolicy();
    detail.put("resilience", resilience.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    StrataCache<?, ?> strata = cache.unwrap(StrataCache.class);
    StoreMetrics before = strata.storeMetrics();
    String state;
    try {
      if (configuration.getKeyType().isAssignableFrom(String.class)) {
        cache.containsKey(PROBE_KEY);
      }
      StoreMetrics after = strata.storeMetrics();
      boolean failed = after.accessFailures() > before.accessFailures()
          || after.fallbackOperations() > before.fallbackOperations()
          || after.droppedWrites() > before.droppedWrites();
      state = !failed ? "up" : resilience == ResiliencePolicy.FAIL ? "down" : "degraded";
    } catch (CacheException e) {
      state = "down";
      detail.put("error", e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    detail.put("state", state);
    StoreMetrics now = strata.storeMetrics();
    detail.put("accessFailures", now.accessFailures());
    detail.put("fallbackOperations", now.fallbackOperations());
    detail.put("droppedWrites", now.droppedWrites());
    return detail;
  }
}
