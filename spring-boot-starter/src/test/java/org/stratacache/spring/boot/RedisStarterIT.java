package org.stratacache.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.List;
import javax.cache.CacheManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.stratacache.jcache.configuration.StoreType;
import org.stratacache.jcache.configuration.StrataConfiguration;
import org.stratacache.jcache.spi.StrataCachingProvider;
import org.stratacache.spring.boot.app.GreetingApplication;
import org.stratacache.testing.redis.RedisServer;

/**
 * The starter and {@code strata.redis-uri} alone (the server is this test's own): caches live in Redis, Boot's
 * meters count each hit once, a cache's own setting ({@code strata.caches.short-lived.default-ttl}) reaches
 * its Redis entries, and the health endpoint shows the Redis cache, {@code DOWN} while the server is stopped (resilience {@code fail}, the default).
 * Caffeine's JCache provider is on the class path too.
 */
@SpringBootTest(classes = GreetingApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"spring.application.name=redis-it", "spring.cache.cache-names=greetings",
        "management.endpoints.web.exposure.include=health,metrics", "management.endpoint.health.show-details=always"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedisStarterIT {

  private static final RedisServer REDIS = RedisServer.start();

  @Autowired
  GreetingApplication.GreetingService service;
  @Autowired
  CacheManager jcache;
  @LocalServerPort
  int port;

  @DynamicPropertySource
  static void redis(DynamicPropertyRegistry registry) {
    registry.add("strata.redis-uri", REDIS::uri);
    registry.add("strata.caches.short-lived.default-ttl", () -> "1h");
  }

  @AfterAll
  static void stopRedis() {
    REDIS.close();
  }

  @Test
  @Order(1)
  void cachesInRedisAndCountsEachHitOnce() {
    assertThat(jcache.getCachingProvider()).isInstanceOf(StrataCachingProvider.class);
    service.greet("redis");
    service.greet("redis");
    assertThat(service.calls()).isEqualTo(1);
    assertThat(jcache.getCache("greetings").getConfiguration(StrataConfiguration.class).getStoreType())
        .isEqualTo(StoreType.REDIS);
    RedisClient client = RedisClient.create(REDIS.uri());
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      List<String> keys = entryKeys(connection, "strata:greetings:*");
      assertThat(keys).as("the entry lives in Redis").hasSize(1);
    } finally {
      client.shutdown();
    }
    assertThat(Http.count(port, "cache.gets", "cache:greetings", "result:hit")).isEqualTo(1.0);
    assertThat(Http.count(port, "cache.gets", "cache:greetings", "result:miss")).isEqualTo(1.0);
    assertThat(Http.value(port, "cache.size", "cache:greetings"))
        .as("a Redis cache knows its size from its size index").isEqualTo(1.0);
    assertThat(Http.count(port, "cache.store.bytes", "cache:greetings", "direction:written")).isPositive();
  }

  @Test
  @Order(2)
  void aCacheOwnSettingFromPropertiesReachesRedis() {
    jcache.getCache("short-lived").put("k", "v");
    RedisClient client = RedisClient.create(REDIS.uri());
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      List<String> keys = entryKeys(connection, "strata:short-lived:*");
      assertThat(keys).hasSize(1);
      assertThat(connection.sync().pttl(keys.get(0))).as("strata.caches.short-lived.default-ttl")
          .isBetween(1L, Duration.ofHours(1).toMillis());
      List<String> greetings = entryKeys(connection, "strata:greetings:*");
      assertThat(greetings).isNotEmpty();
      assertThat(connection.sync().pttl(greetings.get(0))).as("the other cache stays eternal").isEqualTo(-1L);
    } finally {
      client.shutdown();
    }
  }

  @Test
  @Order(3)
  void healthShowsTheRedisCacheUpThenDownWhileRedisIsStopped() {
    Http.Response up = Http.get(port, "/actuator/health");
    assertThat(up.status()).isEqualTo(200);
    assertThat(up.body()).contains("\"strata\"").contains("\"greetings\"").contains("\"state\":\"up\"")
        .contains("\"resilience\":\"fail\"");

    REDIS.stop();
    try {
      Http.Response down = Http.get(port, "/actuator/health");
      assertThat(down.status()).isEqualTo(503);
      assertThat(down.body()).contains("\"status\":\"DOWN\"").contains("\"state\":\"down\"");
    } finally {
      REDIS.restart();
    }
  }

  /** The entry keys matching {@code pattern}: a cache's size index and tag sets (after a 0xFF byte) left out. */
  private static List<String> entryKeys(StatefulRedisConnection<String, String> connection, String pattern) {
    return connection.sync().keys(pattern).stream().filter(key -> key.indexOf('\uFFFD') < 0).toList();
  }
}
