package org.stratacache.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.cache.Cache;
import javax.cache.Caching;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cache.jcache.JCacheCacheManager;
import org.stratacache.jcache.StrataCache;
import org.stratacache.jcache.configuration.StoreType;
import org.stratacache.jcache.configuration.StrataConfiguration;
import org.stratacache.jcache.spi.StrataCachingProvider;
import org.stratacache.spring.boot.app.GreetingApplication;

/**
 * Only the starter, no {@code strata.*} property: caches live in memory. Caffeine's JCache provider
 * is on this class path too, so Boot alone would refuse to choose; the starter chooses Strata.
 */
@SpringBootTest(classes = GreetingApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"spring.application.name=memory-test", "spring.cache.cache-names=greetings",
        "management.endpoints.web.exposure.include=health,metrics,prometheus", "management.endpoint.health.show-details=always"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MemoryStarterTest {

  @Autowired
  GreetingApplication.GreetingService service;
  @Autowired
  javax.cache.CacheManager jcache;
  @Autowired
  org.springframework.cache.CacheManager spring;
  @Autowired
  MeterRegistry registry;
  @LocalServerPort
  int port;

  @Test
  void aSecondProviderIsPresentAndStrataIsChosen() {
    List<String> providers = new ArrayList<>();
    Caching.getCachingProviders().forEach(provider -> providers.add(provider.getClass().getName()));
    assertThat(providers).as("two JCache providers on the class path").hasSizeGreaterThanOrEqualTo(2)
        .contains(StrataCachingProvider.class.getName());
    assertThat(jcache.getCachingProvider()).isInstanceOf(StrataCachingProvider.class);
    assertThat(spring).isInstanceOf(JCacheCacheManager.class);
  }

  @Test
  @Order(1)  // the first calls through @Cacheable: one miss, one hit
  void cachesInMemoryWithStatisticsAndBootsMetersCountEachHitOnce() {
    service.greet("miss-then-hit");
    service.greet("miss-then-hit");
    assertThat(service.calls()).isEqualTo(1);

    Cache<Object, Object> cache = jcache.getCache("greetings");
    assertThat(cache.getConfiguration(StrataConfiguration.class).getStoreType()).isEqualTo(StoreType.MEMORY);
    assertThat(cache.getConfiguration(StrataConfiguration.class).isStatisticsEnabled()).isTrue();

    assertThat(Http.count(port, "cache.gets", "cache:greetings", "result:hit")).isEqualTo(1.0);
    assertThat(Http.count(port, "cache.gets", "cache:greetings", "result:miss")).isEqualTo(1.0);
    assertThat(registry.get("cache.size").tag("cache", "greetings").gauge().value()).isEqualTo(1.0);
    assertThat(cache.unwrap(StrataCache.class).estimatedSize()).isEqualTo(1);
  }

  @Test
  void everyMeterNameHasOneTagKeySetAsPrometheusRequiresAndAStableManagerTag() {
    Map<String, Set<Set<String>>> keySets = new HashMap<>();
    for (Meter meter : registry.getMeters()) {
      if (meter.getId().getName().startsWith("cache.")) {
        keySets.computeIfAbsent(meter.getId().getName(), name -> new HashSet<>())
            .add(meter.getId().getTags().stream().map(Tag::getKey).collect(Collectors.toCollection(TreeSet::new)));
      }
    }
    assertThat(keySets).containsKeys("cache.gets", "cache.puts", "cache.size", "cache.store.errors",
        "cache.store.bytes", "cache.get.latency");
    keySets.forEach((name, sets) -> assertThat(sets).as(name).hasSize(1));
    assertThat(keySets.get("cache.gets").iterator().next()).containsExactly("cache", "cache.manager", "name",
        "result");
    assertThat(keySets.get("cache.puts").iterator().next()).containsExactly("cache", "cache.manager", "name");
    assertThat(keySets.get("cache.store.compression.ratio").iterator().next())
        .containsExactly("cache", "cache.manager", "name");
    assertThat(registry.get("cache.gets").tag("cache", "greetings").meters())
        .allSatisfy(meter -> assertThat(meter.getId().getTag("cache.manager")).isEqualTo("cacheManager"));
    assertThat(registry.get("cache.gets").tag("cache", "greetings").tag("result", "hit").meters()).hasSize(1);
  }

  @Test
  void prometheusScrapesBootsAndStratasCacheMeters() {
    service.greet("scraped");
    service.greet("scraped");
    Http.Response scrape = Http.get(port, "/actuator/prometheus");
    assertThat(scrape.status()).isEqualTo(200);
    assertThat(scrape.body()).containsPattern("cache_gets_total\\{[^}]*cache=\"greetings\"[^}]*result=\"hit\"[^}]*} [1-9]")
        .contains("cache_store_bytes_total{").contains("cache_size{").contains("cache_get_latency_microseconds{")
        .contains("cache_manager=\"cacheManager\"");
  }

  @Test
  void healthIsUpAndListsNoMemoryCache() {
    Http.Response health = Http.get(port, "/actuator/health/strata");
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("greetings");
  }
}
