package org.stratacache.jcache.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StrataCacheMetricsTest {

  private final CacheManager manager =
      Caching.getCachingProvider().getCacheManager(URI.create("test:micrometer"), getClass().getClassLoader());
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @AfterEach
  void close() {
    manager.close();
  }

  private Cache<String, String> create() {
    return manager.createCache("orders", new MutableConfiguration<String, String>().setStatisticsEnabled(true));
  }

  private double count(String name, String... tags) {
    return registry.get(name).tags("cache", "orders").tags(tags).functionCounter().count();
  }

  @Test
  void statisticsBecomeMeters() {
    Cache<String, String> cache = StrataCacheMetrics.monitor(registry, create(), "app", "shop");
    cache.put("a", "1");
    cache.get("a");
    cache.get("b");
    cache.remove("a");
    assertThat(count("cache.gets", "result", "hit")).isEqualTo(1);
    assertThat(count("cache.gets", "result", "miss")).isEqualTo(1);
    assertThat(count("cache.puts")).isEqualTo(1);
    assertThat(count("cache.removals")).isEqualTo(1);
    assertThat(registry.get("cache.size").tags("app", "shop").gauge().value()).isZero();
    assertThat(registry.get("cache.get.latency").gauge().value()).isPositive();
    assertThat(registry.get("cache.store.compression.ratio").gauge().value()).isEqualTo(1.0);
  }

  @Test
  void aRecreatedCacheIsBoundOnceAndFollowed() {
    StrataCacheMetrics.monitor(registry, create());
    int meters = registry.getMeters().size();
    manager.destroyCache("orders");
    Cache<String, String> again = StrataCacheMetrics.monitor(registry, create());
    assertThat(registry.getMeters()).hasSize(meters);
    again.put("x", "1");
    assertThat(count("cache.puts")).isEqualTo(1);
    StrataCacheMetrics.monitorAll(registry, manager);
    assertThat(registry.getMeters()).hasSize(meters);
  }
}
