package org.stratacache.jcache.internal.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.Caching;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.stratacache.jcache.configuration.StoreType;
import org.stratacache.jcache.configuration.StrataConfiguration;
import org.stratacache.jcache.testing.ExpectedWarnings;
import org.stratacache.testing.redis.RedisSentinel;

/** A cache on a Sentinel-managed Redis keeps working across a failover, without losing replicated writes. */
@ExpectedWarnings("fails the Sentinel master over")
class RedisSentinelIT {

  private RedisSentinel sentinel;
  private CacheManager manager;

  @BeforeEach
  void open() {
    sentinel = RedisSentinel.start();
    manager = Caching.getCachingProvider().getCacheManager(URI.create("test:sentinel-" + RedisTesting.uniquePrefix()),
        getClass().getClassLoader());
  }

  @AfterEach
  void close() {
    manager.close();
    sentinel.close();
  }

  private Cache<String, String> create(String name) {
    return manager.createCache(name, StrataConfiguration.builder(String.class, String.class)
        .storeType(StoreType.REDIS).redisUri(sentinel.uri()).build());
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)  // guards against a hang; the waits below have their own bounds
  void theCacheFollowsAFailoverAndKeepsEveryReplicatedWrite() throws InterruptedException {
    Cache<String, String> orders = create("orders");
    Map<String, String> written = writeAndReplicate(orders);
    sentinel.failover();
    checkRecovered(orders, written);
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)  // guards against a hang; the waits below have their own bounds
  void theCacheFollowsAFailoverAfterTheMasterCrashes() throws InterruptedException {
    Cache<String, String> orders = create("orders");
    Map<String, String> written = writeAndReplicate(orders);
    sentinel.killMaster();
    checkRecovered(orders, written);
  }

  private Map<String, String> writeAndReplicate(Cache<String, String> orders) {
    Map<String, String> written = new HashMap<>();
    for (int i = 0; i < 200; i++) {
      orders.put("order-" + i, "value-" + i);
      written.put("order-" + i, "value-" + i);
    }
    assertThat(sentinel.currentMasterPort()).isEqualTo(sentinel.master().port());
    waitForReplication(sentinel.master().port());
    return written;
  }

  private void checkRecovered(Cache<String, String> orders, Map<String, String> written) throws InterruptedException {
    assertThat(sentinel.currentMasterPort()).isEqualTo(sentinel.replica().port());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    boolean recovered = false;
    while (!recovered && System.nanoTime() < deadline) {
      try {
        orders.put("after-failover", "written");
        recovered = true;
      } catch (CacheException e) {
        Thread.sleep(100);  // the circuit is open or Lettuce is still reconnecting to the new master
      }
    }
    assertThat(recovered).as("the cache accepts writes again after the failover").isTrue();
    assertThat(orders.getAll(written.keySet())).isEqualTo(written);
    assertThat(orders.get("after-failover")).isEqualTo("written");
    try (RedisClient client = RedisClient.create();
         StatefulRedisConnection<String, String> promoted = client.connect(
             RedisURI.create("redis://127.0.0.1:" + sentinel.replica().port()))) {
      assertThat(promoted.sync().exists("strata:orders:after-failover")).as("written to the new master").isEqualTo(1);
    }
  }

  @Test
  void everyOperationWorksThroughTheSentinelUri() {
    Cache<String, String> cache = create("plain");
    cache.put("a", "1");
    assertThat(cache.putIfAbsent("a", "2")).isFalse();
    assertThat(cache.replace("a", "1", "3")).isTrue();
    assertThat(cache.get("a")).isEqualTo("3");
    assertThat(cache.getAndRemove("a")).isEqualTo("3");
    assertThat(cache.containsKey("a")).isFalse();
  }

  /** Fences: a write of our own, then WAIT, covers every write acknowledged before it. */
  private static void waitForReplication(int masterPort) {
    try (RedisClient client = RedisClient.create();
         StatefulRedisConnection<String, String> master = client.connect(
             RedisURI.create("redis://127.0.0.1:" + masterPort))) {
      master.sync().set("fence", "1");
      assertThat(master.sync().waitForReplication(1, 10_000)).as("replicas that acknowledged").isEqualTo(1);
    }
  }
}
