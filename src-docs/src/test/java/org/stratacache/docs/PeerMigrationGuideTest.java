package org.stratacache.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.ExpiryPolicy;
import javax.cache.expiry.ModifiedExpiryPolicy;
import javax.cache.spi.CachingProvider;
import org.junit.jupiter.api.Test;
import org.stratacache.jcache.configuration.StoreType;
import org.stratacache.jcache.configuration.StrataConfiguration;
import org.stratacache.testing.redis.RedisServer;

/**
 * The samples of the chapter on moving from Ehcache 3, Caffeine's JCache and Redisson's JCache: each
 * peer's cache as a Strata file, read by a real cache manager (Redisson's against a real Redis).
 */
class PeerMigrationGuideTest {

  /** A value class of the application. */
  public record Order(String id, int quantity) {
  }

  private static final String PROVIDER = "org.stratacache.jcache.spi.StrataCachingProvider";

  private final ClassLoader loader = getClass().getClassLoader();

  private static StrataConfiguration<?, ?> strata(Cache<?, ?> cache) {
    return cache.getConfiguration(StrataConfiguration.class);
  }

  @Test
  void fromEhcache() {
    // tag::ehcache[]
    CacheManager manager = Caching.getCachingProvider()
        .getCacheManager(URI.create("classpath:migration/from-ehcache.yaml"), loader);   // was ehcache.xml
    Cache<String, Order> orders = manager.getCache("orders", String.class, Order.class);
    // end::ehcache[]
    try (manager) {
      assertThat(strata(orders).getMemory().getMaximumSize()).isEqualTo(10_000);
      assertThat(strata(orders).isStatisticsEnabled()).isTrue();
      ExpiryPolicy expiry = strata(orders).getExpiryPolicyFactory().create();
      assertThat(expiry).isInstanceOf(CreatedExpiryPolicy.class);
      assertThat(expiry.getExpiryForCreation().getDurationAmount()).isEqualTo(Duration.ofMinutes(30).toMillis());
      orders.put("o-1", new Order("o-1", 3));
      assertThat(orders.get("o-1")).isEqualTo(new Order("o-1", 3));
    }
  }

  @Test
  void afterWriteInCode() {
    try (CacheManager manager = Caching.getCachingProvider().getCacheManager(URI.create("docs:peers:code"), loader)) {
      // tag::after-write[]
      // Ehcache's <ttl> and Caffeine's after-write count from the last write: ModifiedExpiryPolicy
      Cache<String, Order> orders = manager.createCache("orders", StrataConfiguration.builder(String.class, Order.class)
          .maximumSize(10_000)
          .expiryPolicyFactory(ModifiedExpiryPolicy.factoryOf(new javax.cache.expiry.Duration(TimeUnit.MINUTES, 30)))
          .statisticsEnabled(true)
          .build());
      // end::after-write[]
      assertThat(strata(orders).getExpiryPolicyFactory().create()).isInstanceOf(ModifiedExpiryPolicy.class);
    }
  }

  @Test
  void fromCaffeine() {
    try (CacheManager manager = Caching.getCachingProvider()
        .getCacheManager(URI.create("classpath:migration/from-caffeine.yaml"), loader)) {
      Cache<String, Order> orders = manager.getCache("orders", String.class, Order.class);
      assertThat(strata(orders).isStoreByValue()).isFalse();
      Order order = new Order("o-1", 3);
      orders.put("o-1", order);
      assertThat(orders.get("o-1")).as("store-by-reference: the same instance, as in Caffeine").isSameAs(order);
    }
  }

  @Test
  void fromRedisson() {
    Properties properties = new Properties();
    properties.setProperty("strata.redis-uri", RedisServer.sharedUri());   // this test's Redis, over the file's
    // tag::redisson[]
    CacheManager manager = Caching.getCachingProvider()                          // was redisson-jcache.yaml
        .getCacheManager(URI.create("classpath:migration/from-redisson.yaml"), loader, properties);
    Cache<String, Order> orders = manager.createCache("orders",                  // the same code as with Redisson
        new MutableConfiguration<String, Order>()
            .setTypes(String.class, Order.class)
            .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(javax.cache.expiry.Duration.ONE_HOUR)));
    // end::redisson[]
    try (manager) {
      assertThat(strata(orders).getStoreType()).isEqualTo(StoreType.REDIS);
      assertThat(strata(orders).getRedis().getKeyPrefix()).isEqualTo("shop");
      orders.put("o-1", new Order("o-1", 3));
      assertThat(orders.get("o-1")).isEqualTo(new Order("o-1", 3));
      orders.clear();
    }
  }

  @Test
  void theProviderIsFoundByItsServicesFile() throws IOException {
    List<String> named = new ArrayList<>();
    for (URL file : Collections.list(loader.getResources("META-INF/services/javax.cache.spi.CachingProvider"))) {
      try (InputStream in = file.openStream()) {
        named.add(new String(in.readAllBytes(), StandardCharsets.UTF_8).trim());
      }
    }
    assertThat(named).contains(PROVIDER);
    // tag::by-name[]
    CachingProvider strata = Caching.getCachingProvider("org.stratacache.jcache.spi.StrataCachingProvider");
    // end::by-name[]
    assertThat(strata.getClass().getName()).isEqualTo(PROVIDER);
  }
}
