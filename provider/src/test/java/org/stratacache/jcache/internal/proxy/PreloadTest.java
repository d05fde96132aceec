package org.stratacache.jcache.internal.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.integration.CacheLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.stratacache.jcache.StrataCache;

/** Warming a cache at start: keys already held stay, missing ones come from the loader, nothing is counted. */
class PreloadTest {

  static final AtomicInteger LOADS = new AtomicInteger();

  /** Loads "value of <key>", except for keys starting with "none". */
  public static final class Loader implements CacheLoader<String, String> {
    @Override
    public String load(String key) {
      LOADS.incrementAndGet();
      return key.startsWith("none") ? null : "value of " + key;
    }

    @Override
    public Map<String, String> loadAll(Iterable<? extends String> keys) {
      Map<String, String> values = new HashMap<>();
      keys.forEach(key -> {
        String value = load(key);
        if (value != null) {
          values.put(key, value);
        }
      });
      return values;
    }
  }

  private final CacheManager manager = Caching.getCachingProvider()
      .getCacheManager(URI.create("test:preload"), getClass().getClassLoader());

  @AfterEach
  void close() {
    manager.close();
  }

  @Test
  void missingKeysAreLoadedAndNothingIsCounted() {
    Cache<String, String> cache = manager.createCache("warm", new MutableConfiguration<String, String>()
        .setTypes(String.class, String.class).setReadThrough(true).setStatisticsEnabled(true)
        .setCacheLoaderFactory(FactoryBuilder.factoryOf(Loader.class)));
    cache.put("a", "kept");
    LOADS.set(0);
    StrataCache<String, String> strata = cache.unwrap(StrataCache.class);
    assertThat(strata.preload(List.of("a", "b", "c", "none-1"))).isEqualTo(3);
    assertThat(LOADS.get()).as("only the missing keys were loaded").isEqualTo(3);
    assertThat(cache.get("a")).isEqualTo("kept");
    assertThat(cache.get("b")).isEqualTo("value of b");
    assertThat(strata.statistics().getCacheGets()).as("only the two gets above").isEqualTo(2);
    assertThat(strata.statistics().getCachePuts()).as("loads are not puts: only the put above").isEqualTo(1);
  }
}
