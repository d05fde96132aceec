package org.stratacache.jcache.internal.store.near;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.Caching;
import org.junit.jupiter.api.Test;
import org.stratacache.jcache.StrataCache;
import org.stratacache.jcache.configuration.ResiliencePolicy;
import org.stratacache.jcache.configuration.StrataConfiguration;
import org.stratacache.jcache.testing.ExpectedWarnings;
import org.stratacache.testing.redis.RedisCluster;
import org.stratacache.testing.redis.RedisServer;

/**
 * A near cache on a real three-master Redis Cluster: one cache manager writes increasing versions of
 * keys on every master while another reads them through its near cache; no read returns a version
 * older than one already returned or seen to settle. After a master is killed and its replica
 * promoted, the near cache serves from memory again without restart, and never a stale value.
 */
@ExpectedWarnings("kills a cluster master")
class RedisClusterNearCacheIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(1);
  private static final long RUN_NANOS = TimeUnit.SECONDS.toNanos(5);

  private final String prefix = "near-" + UUID.randomUUID().toString().substring(0, 8);

  private static CacheManager manager(String name, RedisCluster cluster) {
    return Caching.getCachingProvider().getCacheManager(URI.create("test:cluster-near-" + name + "-"
        + cluster.nodes().get(0).port()), RedisClusterNearCacheIT.class.getClassLoader());
  }

  private StrataConfiguration<String, Long> config(RedisCluster cluster, long nearSize) {
    return StrataConfiguration.builder(String.class, Long.class).redisUri(cluster.uri()).keyPrefix(prefix)
        .redisTimeout(TIMEOUT).resiliencePolicy(ResiliencePolicy.FAIL).nearCacheMaximumSize(nearSize).build();
  }

  /** One key per master, by hash tag, with the master's port. */
  private List<String> keyPerMaster(RedisCluster cluster) {
    Map<Integer, String> keys = new LinkedHashMap<>();
    for (int i = 0; keys.size() < 3; i++) {
      String key = "{t" + i + "}k";
      keys.putIfAbsent(cluster.masterOf(redisKey(key)).port(), key);
    }
    return new ArrayList<>(keys.values());
  }

  private byte[] redisKey(String key) {
    return (prefix + ":versions:" + key).getBytes(StandardCharsets.UTF_8);
  }

  private static long nearHits(Cache<String, Long> cache) {
    return cache.unwrap(StrataCache.class).storeMetrics().nearHits();
  }

  @Test
  void readsOnEveryMasterNeverGoBackInTime() throws Exception {
    try (RedisCluster cluster = RedisCluster.start(3);
         CacheManager readerJvm = manager("reader", cluster);
         CacheManager writerJvm = manager("writer", cluster)) {
      List<String> keys = keyPerMaster(cluster);
      Cache<String, Long> reader = readerJvm.createCache("versions", config(cluster, 1_000));
      Cache<String, Long> writer = writerJvm.createCache("versions", config(cluster, 0));
      AtomicLongArray floor = new AtomicLongArray(keys.size());
      Queue<String> stale = new ConcurrentLinkedQueue<>();
      AtomicBoolean done = new AtomicBoolean();
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        Thread thread = new Thread(() -> {
          while (!done.get()) {
            int key = ThreadLocalRandom.current().nextInt(keys.size());
            long least = floor.get(key);
            Long value = reader.get(keys.get(key));
            if ((value == null ? 0 : value) < least) {
              stale.add(keys.get(key) + ": read " + value + " after " + least + " settled");
            }
          }
        }, "cluster-near-reader-" + t);
        thread.start();
        threads.add(thread);
      }
      long[] versions = new long[keys.size()];
      long writes = 0;
      long start = System.nanoTime();
      try {
        for (int i = 0; System.nanoTime() - start < RUN_NANOS; i++, writes++) {
          int key = i % keys.size();
          long version = ++versions[key];
          writer.put(keys.get(key), version);
          long acknowledged = System.nanoTime();
          for (Long seen = reader.get(keys.get(key)); seen == null || seen < version; seen = reader.get(keys.get(
              key))) {
            assertThat(System.nanoTime() - acknowledged).as("version %d of %s unseen", version, keys.get(key))
                .isLessThan(TimeUnit.SECONDS.toNanos(2));
            Thread.onSpinWait();
          }
          floor.accumulateAndGet(key, version, Math::max);
        }
      } finally {
        done.set(true);
        for (Thread thread : threads) {
          thread.join();
        }
      }
      System.out.printf("[cluster-near] %d writes on 3 masters, %d stale reads, %d reads served from memory%n",
          writes, stale.size(), nearHits(reader));
      assertThat(stale).as("stale reads").isEmpty();
      assertThat(nearHits(reader)).as("reads served from memory").isPositive();
    }
  }

  @Test
  void afterAFailoverTheNearCacheServesFromMemoryAgainAndNeverStale() throws Exception {
    try (RedisCluster cluster = RedisCluster.start(3, 1);
         CacheManager readerJvm = manager("reader", cluster);
         CacheManager writerJvm = manager("writer", cluster)) {
      String key = keyPerMaster(cluster).get(0);
      Cache<String, Long> reader = readerJvm.createCache("versions", config(cluster, 1_000));
      Cache<String, Long> writer = writerJvm.createCache("versions", config(cluster, 0));
      writer.put(key, 1L);
      long hits = nearHits(reader);
      long warm = System.nanoTime();
      while (nearHits(reader) == hits) {  // the write's own invalidation may drop the first copy
        assertThat(System.nanoTime() - warm).as("served from memory before the kill").isLessThan(
            TimeUnit.SECONDS.toNanos(5));
        assertThat(reader.get(key)).isEqualTo(1L);
      }

      RedisServer victim = cluster.masterOf(redisKey(key));
      cluster.kill(victim);
      long killed = System.nanoTime();
      List<String> stale = new ArrayList<>();
      long acknowledged = 0;  // the last version written after the kill
      long settled = 1;       // the last version the reader saw after its write was acknowledged
      long returned = 1;      // the highest version the reader returned
      long version = 1;
      long promoted = 0;
      long recovered = 0;
      while (recovered == 0) {
        assertThat(System.nanoTime() - killed).as("near cache not serving 30 s after the kill").isLessThan(
            TimeUnit.SECONDS.toNanos(30));
        if (promoted == 0 && servedAgain(cluster, key)) {
          promoted = System.nanoTime();
        }
        try {
          writer.put(key, ++version);
          acknowledged = version;
        } catch (CacheException failingOver) {
          // the writer's client has not seen the promotion yet
        }
        try {
          for (int r = 0; r < 2; r++) {
            long before = nearHits(reader);
            Long read = reader.get(key);
            boolean fromMemory = nearHits(reader) > before;
            long seen = read == null ? 0 : read;
            if (seen < settled || seen < returned) {
              stale.add("read " + read + (fromMemory ? " from memory" : " from Redis") + " after version "
                  + Math.max(settled, returned) + " was seen, " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime()
                  - killed) + " ms after the kill");
            }
            returned = Math.max(returned, seen);
            if (acknowledged > 0 && seen >= acknowledged) {
              settled = Math.max(settled, acknowledged);
              if (fromMemory) {
                recovered = System.nanoTime();
              }
            }
          }
        } catch (CacheException failingOver) {
          // the reader's client has not seen the promotion yet
        }
        Thread.sleep(20);
      }
      System.out.printf("[cluster-near-failover] master on port %d killed: promotion seen after %d ms, the near "
              + "cache served the promoted master's key from memory again after %d ms (%d ms after the promotion); "
              + "%d stale reads%n", victim.port(), TimeUnit.NANOSECONDS.toMillis(promoted - killed),
          TimeUnit.NANOSECONDS.toMillis(recovered - killed), TimeUnit.NANOSECONDS.toMillis(recovered - promoted),
          stale.size());
      assertThat(stale).as("stale reads").isEmpty();
    }
  }

  private boolean servedAgain(RedisCluster cluster, String key) {
    try {
      cluster.awaitServed(redisKey(key), Duration.ofMillis(1));
      return true;
    } catch (RuntimeException | AssertionError notYet) {
      return false;
    }
  }
}
