package org.stratacache.examples;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.Configuration;
import org.stratacache.jcache.configuration.StoreType;
import org.stratacache.jcache.configuration.StrataConfiguration;

/**
 * Creates the demo's caches, says for each which store holds it, starts each empty (a run killed
 * half-way may have left entries in Redis) and destroys them all at the end, so the demo leaves
 * nothing behind.
 */
final class Stores {

  private final CacheManager manager;
  private final PrintStream out;
  private final List<String> created = new ArrayList<>();

  Stores(CacheManager manager, PrintStream out) {
    this.manager = manager;
    this.out = out;
  }

  <K, V, C extends Configuration<K, V>> Cache<K, V> create(String name, C configuration) {
    Cache<K, V> cache = manager.createCache(name, configuration);
    created.add(name);
    cache.clear();
    out.printf("(cache \"%s\" is kept %s)%n", name, where(cache));
    return cache;
  }

  void destroyAll() {
    for (String name : created) {
      manager.destroyCache(name);
    }
  }

  @SuppressWarnings("unchecked")
  private static String where(Cache<?, ?> cache) {
    StrataConfiguration<Object, Object> resolved = cache.getConfiguration(StrataConfiguration.class);
    // the URI is never printed: it may hold a password
    return resolved.getStoreType() == StoreType.REDIS ? "in Redis (REDIS_URL or strata.redis-uri)" : "in memory";
  }
}
