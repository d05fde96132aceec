package org.stratacache.jcache.internal.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.stratacache.jcache.StrataCache;
import org.stratacache.jcache.configuration.StrataConfiguration;

class CacheManagerImplTest {

  private final CacheManager manager =
      Caching.getCachingProvider().getCacheManager(URI.create("test:manager"), getClass().getClassLoader());

  @AfterEach
  void close() {
    manager.close();
  }

  @Test
  void getCacheWithWrongTypesNamesBothTypes() {
    manager.createCache("typed", new MutableConfiguration<String, Long>().setTypes(String.class, Long.class));
    assertThatThrownBy(() -> manager.getCache("typed", String.class, Integer.class))
        .isInstanceOf(ClassCastException.class)
        .hasMessageContaining("java.lang.Long").hasMessageContaining("java.lang.Integer");
    assertThatThrownBy(() -> manager.getCache("typed", Integer.class, Long.class))
        .isInstanceOf(ClassCastException.class)
        .hasMessageContaining("java.lang.String").hasMessageContaining("java.lang.Integer");
    assertThat(manager.getCache("typed", String.class, Long.class)).isNotNull();
    assertThat(manager.<Object, Object>getCache("typed")).as("untyped lookup ignores types").isNotNull();
    assertThat(manager.<Object, Object>getCache("unknown")).isNull();
  }

  @Test
  void duplicateNamesAreRefusedAndDestroyFreesTheName() {
    Cache<String, String> cache = manager.createCache("dup", new MutableConfiguration<>());
    cache.put("k", "v");
    assertThatThrownBy(() -> manager.createCache("dup", new MutableConfiguration<>()))
        .isInstanceOf(CacheException.class).hasMessageContaining("dup");
    manager.destroyCache("dup");
    assertThat(cache.isClosed()).isTrue();
    assertThatThrownBy(() -> cache.get("k")).isInstanceOf(IllegalStateException.class);
    Cache<String, String> again = manager.createCache("dup", new MutableConfiguration<>());
    assertThat(again.get("k")).isNull();
  }

  @Test
  void cacheNamesAreASnapshotThatCannotBeChanged() {
    manager.createCache("a.b-c", new MutableConfiguration<>());
    Iterable<String> names = manager.getCacheNames();
    assertThat(names).containsExactly("a.b-c");
    assertThatThrownBy(() -> names.iterator().remove()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void closingTheManagerClosesItsCaches() {
    Cache<String, String> cache = manager.createCache("c", new MutableConfiguration<>());
    manager.close();
    assertThat(cache.isClosed()).isTrue();
    assertThatThrownBy(() -> manager.getCache("c")).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void unwrapReachesTheImplementationAndTheExtension() {
    assertThat(manager.unwrap(CacheManagerImpl.class)).isSameAs(manager);
    Cache<String, String> cache = manager.createCache("u", new MutableConfiguration<>());
    assertThat(cache.unwrap(StrataCache.class).estimatedSize()).isZero();
    assertThatThrownBy(() -> cache.unwrap(String.class)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void badConfigurationFailsAtCreateCacheNamingTheField() {
    StrataConfiguration<String, String> bad = StrataConfiguration.builder(String.class, String.class)
        .maximumSize(-5).build();
    assertThatThrownBy(() -> manager.createCache("bad", bad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'bad'").hasMessageContaining("maximumSize").hasMessageContaining("-5");
    assertThat(manager.<Object, Object>getCache("bad")).isNull();
  }

  @Test
  void configurationReflectsRuntimeChanges() {
    Cache<String, String> cache = manager.createCache("cfg", new MutableConfiguration<String, String>());
    manager.enableStatistics("cfg", true);
    manager.enableManagement("cfg", true);
    StrataConfiguration<String, String> configuration = cache.getConfiguration(StrataConfiguration.class);
    assertThat(configuration.isStatisticsEnabled()).isTrue();
    assertThat(configuration.isManagementEnabled()).isTrue();
    assertThat(cache.getConfiguration(MutableConfiguration.class).isStatisticsEnabled()).isTrue();
  }
}
