package org.stratacache.jcache.internal.management;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.stratacache.jcache.configuration.StrataConfiguration;
import org.stratacache.jcache.management.MBeans;

/** Statistics are exact after each operation and readable over JMX under the standard name. */
class StatisticsTest {

  private final CacheManager manager = Caching.getCachingProvider()
      .getCacheManager(URI.create("test:stats,with=odd:chars"), getClass().getClassLoader());
  private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

  @AfterEach
  void close() {
    manager.close();
  }

  private Object attribute(Cache<?, ?> cache, String name) throws Exception {
    return server.getAttribute(MBeans.objectName(cache, MBeans.Type.CacheStatistics), name);
  }

  @Test
  void scriptedSequenceGivesExactCounters() throws Exception {
    Cache<String, String> cache = manager.createCache("orders.v1-eu", StrataConfiguration
        .builder(String.class, String.class).statisticsEnabled(true).maximumSize(3).build());
    cache.put("a", "1");                       // put
    cache.put("b", "2");                       // put
    cache.get("a");                            // hit
    cache.get("zz");                           // miss
    cache.getAll(Set.of("a", "b", "yy"));      // 2 hits, 1 miss
    cache.putIfAbsent("a", "x");               // hit, no put
    cache.putIfAbsent("c", "3");               // miss, put
    cache.replace("b", "22");                  // hit, put
    cache.replace("nope", "0");                // miss
    cache.remove("c");                         // removal
    cache.remove("nope");                      // nothing
    cache.getAndRemove("b");                   // hit, removal
    cache.putAll(Map.of("d", "4", "e", "5", "f", "6", "g", "7")); // 4 puts, then evictions down to 3 entries

    assertThat(attribute(cache, "CacheHits")).isEqualTo(6L);
    assertThat(attribute(cache, "CacheMisses")).isEqualTo(4L);
    assertThat(attribute(cache, "CacheGets")).isEqualTo(10L);
    assertThat(attribute(cache, "CachePuts")).isEqualTo(8L);
    assertThat(attribute(cache, "CacheRemovals")).isEqualTo(2L);
    assertThat(attribute(cache, "CacheEvictions")).isEqualTo(2L);
    assertThat((Float) attribute(cache, "CacheHitPercentage")).isEqualTo(60f);
    assertThat((Float) attribute(cache, "AverageGetTime")).isGreaterThan(0f);
    assertThat((Float) attribute(cache, "AveragePutTime")).isGreaterThan(0f);
    assertThat((Float) attribute(cache, "AverageRemoveTime")).isGreaterThan(0f);

    server.invoke(MBeans.objectName(cache, MBeans.Type.CacheStatistics), "clear", null, null);
    assertThat(attribute(cache, "CacheGets")).isEqualTo(0L);
  }

  @Test
  void statisticsToggleAtRuntimeRegistersAndUnregistersTheBean() throws Exception {
    Cache<String, String> cache = manager.createCache("toggle", new MutableConfiguration<>());
    ObjectName name = MBeans.objectName(cache, MBeans.Type.CacheStatistics);
    assertThat(server.isRegistered(name)).isFalse();
    cache.put("k", "v");
    manager.enableStatistics("toggle", true);
    assertThat(server.isRegistered(name)).isTrue();
    assertThat(name.getKeyProperty("CacheManager")).isEqualTo("test.stats.with.odd.chars");
    cache.get("k");
    assertThat(attribute(cache, "CacheHits")).isEqualTo(1L);
    assertThat(attribute(cache, "CachePuts")).as("the put happened while disabled").isEqualTo(0L);
    manager.enableStatistics("toggle", false);
    assertThat(server.isRegistered(name)).isFalse();
    manager.enableManagement("toggle", true);
    ObjectName configuration = MBeans.objectName(cache, MBeans.Type.CacheConfiguration);
    assertThat(server.getAttribute(configuration, "StoreByValue")).isEqualTo(true);
    manager.destroyCache("toggle");
    assertThat(server.isRegistered(configuration)).isFalse();
  }
}
