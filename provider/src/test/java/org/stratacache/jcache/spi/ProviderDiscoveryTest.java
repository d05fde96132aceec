package org.stratacache.jcache.spi;

import static org.assertj.core.api.Assertions.assertThat;

import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.spi.CachingProvider;
import org.junit.jupiter.api.Test;

/** A JSR-107 consumer that names no provider gets Strata Cache. */
class ProviderDiscoveryTest {

  @Test
  void cachingFindsTheProviderThroughTheServiceFile() {
    CachingProvider provider = Caching.getCachingProvider();
    assertThat(provider).isInstanceOf(StrataCachingProvider.class);
    CacheManager manager = provider.getCacheManager();
    assertThat(manager).isSameAs(provider.getCacheManager(provider.getDefaultURI(), provider.getDefaultClassLoader()));
    Cache<String, Integer> cache = manager.createCache("discovery", new MutableConfiguration<String, Integer>());
    cache.put("answer", 42);
    assertThat(cache.get("answer")).isEqualTo(42);
    manager.destroyCache("discovery");
  }

  @Test
  void aClosedDefaultManagerIsReplacedByAnOpenOne() {
    CachingProvider provider = Caching.getCachingProvider();
    CacheManager first = provider.getCacheManager();
    first.close();
    CacheManager second = provider.getCacheManager();
    assertThat(second).isNotSameAs(first);
    assertThat(second.isClosed()).isFalse();
  }
}
