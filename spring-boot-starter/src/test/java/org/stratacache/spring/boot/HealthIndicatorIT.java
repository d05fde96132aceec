package org.stratacache.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import java.util.Properties;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.stratacache.testing.redis.RedisServer;

/**
 * The indicator on each resilience policy, against a real Redis that is stopped: {@code fail} is
 * {@code DOWN}; {@code miss} and {@code local-fallback} stay {@code UP} with the cache {@code degraded}.
 * Memory caches are not listed.
 */
class HealthIndicatorIT {

  @Test
  void eachResiliencePolicyWhileRedisIsAway() {
    try (RedisServer redis = RedisServer.start()) {
      for (String policy : new String[] {"fail", "miss", "local-fallback"}) {
        Properties properties = new Properties();
        properties.setProperty("strata.redis-uri", redis.uri());
        properties.setProperty("strata.resilience", policy);
        try (CacheManager manager = Caching.getCachingProvider(StrataCacheAutoConfiguration.PROVIDER)
            .getCacheManager(URI.create("health-it-" + policy), getClass().getClassLoader(), properties)) {
          manager.createCache("remote", new MutableConfiguration<>());
          StrataHealthIndicator indicator = new StrataHealthIndicator(() -> manager);

          Health up = indicator.health(true);
          assertThat(up.getStatus()).as(policy).isEqualTo(Status.UP);
          assertThat(cache(up, "remote")).containsEntry("state", "up").containsEntry("resilience", policy);

          redis.stop();
          try {
            Health away = indicator.health(true);
            assertThat(away.getStatus()).as(policy).isEqualTo(policy.equals("fail") ? Status.DOWN : Status.UP);
            assertThat(cache(away, "remote")).as(policy)
                .containsEntry("state", policy.equals("fail") ? "down" : "degraded");
          } finally {
            redis.restart();
          }
        }
      }
    }
  }

  @Test
  void memoryCachesAreNotListed() {
    try (CacheManager manager = Caching.getCachingProvider(StrataCacheAutoConfiguration.PROVIDER)
        .getCacheManager(URI.create("health-it-memory"), getClass().getClassLoader(), memory())) {
      manager.createCache("local", new MutableConfiguration<>());
      Health health = new StrataHealthIndicator(() -> manager).health(true);
      assertThat(health.getStatus()).isEqualTo(Status.UP);
      assertThat((Map<?, ?>) health.getDetails().get("caches")).isEmpty();
    }
  }

  private static Properties memory() {
    Properties properties = new Properties();
    properties.setProperty("strata.store", "memory");  // even where REDIS_URL is set
    return properties;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cache(Health health, String name) {
    return (Map<String, Object>) ((Map<String, Object>) health.getDetails().get("caches")).get(name);
  }
}
