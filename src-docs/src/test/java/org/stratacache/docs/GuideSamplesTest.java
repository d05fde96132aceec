package org.stratacache.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.AccessedExpiryPolicy;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.spi.CachingProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.stratacache.jcache.StrataCache;
import org.stratacache.jcache.StrataCaches;
import org.stratacache.jcache.configuration.CorruptValuePolicy;
import org.stratacache.jcache.configuration.RedisTlsSettings;
import org.stratacache.jcache.configuration.ResiliencePolicy;
import org.stratacache.jcache.configuration.SerializationFormat;
import org.stratacache.jcache.configuration.SerializationSettings;
import org.stratacache.jcache.configuration.StrataConfiguration;
import org.stratacache.jcache.metrics.StrataCacheMetrics;

/** The code samples of the guide's chapters; each tagged region is included in the guide and runs here. */
class GuideSamplesTest {

  /** A value class of the application. */
  public record Order(String id, int quantity) {
  }

  private final CachingProvider provider = Caching.getCachingProvider();
  private CacheManager opened;

  @AfterEach
  void close() {
    if (opened != null) {
      opened.close();
    }
  }

  @Test
  void gettingStarted() {
    // tag::getting-started[]
    CacheManager manager = Caching.getCachingProvider().getCacheManager();
    Cache<String, Order> orders = manager.createCache("orders",
        new MutableConfiguration<String, Order>()
            .setTypes(String.class, Order.class)
            .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(javax.cache.expiry.Duration.ONE_HOUR))
            .setStatisticsEnabled(true));
    orders.put("o-1", new Order("o-1", 3));
    Order order = orders.get("o-1");               // an equal copy: caches store by value
    // end::getting-started[]
    opened = manager;
    assertThat(order).isEqualTo(new Order("o-1", 3));
  }

  @Test
  void strataConfiguration() {
    opened = provider.getCacheManager(URI.create("guide:configuration"), getClass().getClassLoader());
    CacheManager manager = opened;
    // tag::strata-configuration[]
    Cache<String, Order> orders = manager.createCache("orders", StrataConfiguration.builder(String.class, Order.class)
        .maximumSize(10_000)                                   // in memory: evict beyond 10,000 (W-TinyLFU)
        .defaultTtl(Duration.ofMinutes(30))                    // unless an expiry policy is set
        .statisticsEnabled(true)
        .serialization(SerializationSettings.none().register(Order.class, 100))   // for Redis
        .resiliencePolicy(ResiliencePolicy.LOCAL_FALLBACK)     // if Redis goes away
        .corruptValuePolicy(CorruptValuePolicy.FAIL)
        .build());
    // end::strata-configuration[]
    assertThat(orders.getConfiguration(StrataConfiguration.class).getMemory().getMaximumSize()).isEqualTo(10_000);
  }

  @Test
  void fromAFile() {
    // tag::from-file[]
    CacheManager manager = Caching.getCachingProvider()
        .getCacheManager(URI.create("classpath:strata-guide.yaml"), getClass().getClassLoader());
    Cache<String, String> sessions = manager.getCache("sessions");         // declared in the file
    Cache<String, String> other = manager.createCache("other", new MutableConfiguration<>());   // gets its defaults
    // end::from-file[]
    opened = manager;
    assertThat(sessions).isNotNull();
    assertThat(other.getConfiguration(StrataConfiguration.class).getDefaultTtl()).isEqualTo(Duration.ofMinutes(10));
    assertThat(manager.getCache("orders", Object.class, Order.class).getConfiguration(StrataConfiguration.class)
        .getSerialization().format()).as("serialization.format: json in the file").isEqualTo(SerializationFormat.JSON);
  }

  @Test
  void managerProperties() {
    // tag::manager-properties[]
    Properties properties = new Properties();
    properties.setProperty("strata.redis-uri", "redis://cache.internal:6379/0");
    properties.setProperty("strata.key-prefix", "shop");
    properties.setProperty("strata.store", "memory");    // here: stay in memory anyway
    CacheManager manager = Caching.getCachingProvider()
        .getCacheManager(URI.create("shop"), getClass().getClassLoader(), properties);
    // end::manager-properties[]
    opened = manager;
    assertThat(manager.createCache("c", new MutableConfiguration<>()).getConfiguration(StrataConfiguration.class)
        .getRedis().getKeyPrefix()).isEqualTo("shop");
  }

  @Test
  void webShortcut() {
    opened = provider.getCacheManager(URI.create("guide:web"), getClass().getClassLoader());
    CacheManager manager = opened;
    // tag::web-shortcut[]
    Cache<String, Order> recent = StrataCaches.webCache(manager, "recent-orders", Order.class, Duration.ofMinutes(15));
    // end::web-shortcut[]
    assertThat(recent).isNotNull();
  }

  @Test
  void expiryViewsAndTags() {
    opened = provider.getCacheManager(URI.create("guide:expiry"), getClass().getClassLoader());
    Cache<String, Order> orders = opened.createCache("orders", new MutableConfiguration<>());
    // tag::expiry-view[]
    StrataCache<String, Order> strata = orders.unwrap(StrataCache.class);
    strata.withExpiryPolicy(new AccessedExpiryPolicy(javax.cache.expiry.Duration.FIVE_MINUTES))
        .put("hot", new Order("hot", 1));                     // this entry: 5 min after its last read
    strata.withTags("customer:42").put("o-9", new Order("o-9", 2));
    long removed = strata.invalidateTag("customer:42");       // no scan of the cache
    Optional<Duration> left = strata.remainingLifetime("hot"); // 5 min; reading it is no access
    // end::expiry-view[]
    assertThat(removed).isEqualTo(1);
    assertThat(left).hasValueSatisfying(time -> assertThat(time).isBetween(Duration.ofMinutes(4), Duration.ofMinutes(5)));
  }

  @Test
  void micrometer() {
    opened = provider.getCacheManager(URI.create("guide:metrics"), getClass().getClassLoader());
    Cache<String, Order> orders = opened.createCache("orders",
        new MutableConfiguration<String, Order>().setStatisticsEnabled(true));
    // tag::micrometer[]
    SimpleMeterRegistry registry = new SimpleMeterRegistry();       // or your application's registry
    StrataCacheMetrics.monitor(registry, orders, "app", "shop");    // or monitorAll(registry, manager)
    // end::micrometer[]
    orders.get("x");
    assertThat(registry.get("cache.gets").tag("result", "miss").functionCounter().count()).isEqualTo(1);
  }

  @Test
  void redisTls() {
    // tag::redis-tls[]
    StrataConfiguration<String, Order> orders = StrataConfiguration.builder(String.class, Order.class)
        .redisUri("rediss://orders:secret@redis.internal:6380")        // TLS, ACL user 'orders'
        .redisTls(RedisTlsSettings.defaults()
            .caFile("/etc/strata/ca.pem")                              // trust this CA (PEM)
            .clientCertFile("/etc/strata/client.pem")                  // mutual TLS (PEM) ...
            .clientKeyFile("/etc/strata/client.key"))                  // ... with its PKCS#8 key
        .build();
    // end::redis-tls[]
    assertThat(orders.getRedis().getTls().isVerifyHostname()).isTrue();
  }
}
