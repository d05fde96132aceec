package org.stratacache.integration.swap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Serializable;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableCacheEntryListenerConfiguration;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.event.CacheEntryCreatedListener;
import javax.cache.event.CacheEntryEvent;
import javax.cache.spi.CachingProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One suite of plain {@code javax.cache} code, run against Strata Cache and against Caffeine's JCache
 * provider on the same class path, each chosen by class name: the providers coexist, and code
 * written to the standard moves from one to the other by changing a name.
 */
class SwappableProvidersTest {

  private static final String STRATA = "org.stratacache.jcache.spi.StrataCachingProvider";
  private static final String CAFFEINE = "com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider";

  @Test
  void withTwoProvidersTheDefaultLookupRefusesToGuess() {
    assertThatThrownBy(Caching::getCachingProvider).isInstanceOf(CacheException.class)
        .hasMessageContaining("Multiple CachingProviders");
    assertThat(Caching.getCachingProviders()).extracting(provider -> provider.getClass().getName())
        .contains(STRATA, CAFFEINE);
  }

  @ParameterizedTest
  @ValueSource(strings = {STRATA, CAFFEINE})
  void theSameStandardCodeRunsOnEitherProvider(String providerClass) {
    CachingProvider provider = Caching.getCachingProvider(providerClass);
    assertThat(provider.getClass().getName()).isEqualTo(providerClass);
    CacheManager manager = provider.getCacheManager(URI.create("swap:" + providerClass), getClass().getClassLoader());
    try {
      List<String> created = new CopyOnWriteArrayList<>();
      CacheEntryCreatedListener<String, Integer> listener = events -> {
        for (CacheEntryEvent<? extends String, ? extends Integer> event : events) {
          created.add(event.getKey());
        }
      };
      Cache<String, Integer> cache = manager.createCache("stock", new MutableConfiguration<String, Integer>()
          .setTypes(String.class, Integer.class)
          .setStatisticsEnabled(true)
          .addCacheEntryListenerConfiguration(new MutableCacheEntryListenerConfiguration<>(
              FactoryBuilder.factoryOf(new RecordingListener(listener)), null, false, true)));
      cache.putAll(Map.of("apples", 10, "pears", 4));
      assertThat(cache.getAll(Set.of("apples", "pears", "plums"))).containsOnly(Map.entry("apples", 10),
          Map.entry("pears", 4));
      Integer left = cache.invoke("apples", (entry, args) -> {
        entry.setValue(entry.getValue() - 3);
        return entry.getValue();
      });
      assertThat(left).isEqualTo(7);
      assertThat(cache.replace("pears", 4, 5)).isTrue();
      assertThat(cache.putIfAbsent("pears", 0)).isFalse();
      assertThat(cache.getAndRemove("pears")).isEqualTo(5);
      assertThat(created).containsExactlyInAnyOrder("apples", "pears");
      assertThat(cache.unwrap(Cache.class)).isSameAs(cache);
      assertThat(manager.getCache("stock", String.class, Integer.class)).isSameAs(cache);
    } finally {
      manager.close();
    }
  }

  /** A serializable wrapper, since some providers copy listener factories. */
  static final class RecordingListener implements CacheEntryCreatedListener<String, Integer>, Serializable {
    private static final long serialVersionUID = 1L;
    private final transient CacheEntryCreatedListener<String, Integer> target;

    RecordingListener(CacheEntryCreatedListener<String, Integer> target) {
      this.target = target;
    }

    @Override
    public void onCreated(Iterable<CacheEntryEvent<? extends String, ? extends Integer>> events) {
      target.onCreated(events);
    }
  }
}
