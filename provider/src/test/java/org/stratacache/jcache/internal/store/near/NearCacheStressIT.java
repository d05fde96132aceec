package org.stratacache.jcache.internal.store.near;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.stratacache.jcache.StrataCache;
import org.stratacache.jcache.configuration.StrataConfiguration;
import org.stratacache.jcache.store.StoreMetrics;
import org.stratacache.testing.redis.RedisServer;

/**
 * One cache manager (a JVM of its own: its own Lettuce client) writes increasing versions of a few
 * keys while another reads them through its near cache from several threads for about 5 s. No read
 * may return a version older than one a read that ended before it began returned, nor older than a
 * version the writer saw arrive in the reader's near cache; every last write is seen.
 */
class NearCacheStressIT {

  private static final int KEYS = 4;
  private static final int READERS = 2;
  private static final long RUN_NANOS = TimeUnit.SECONDS.toNanos(5);
  private static final long LAG_BOUND_NANOS = TimeUnit.SECONDS.toNanos(2);

  private final RedisServer server = RedisServer.start();
  private final CacheManager readerJvm = manager("reader");
  private final CacheManager writerJvm = manager("writer");
  /** The highest version a finished read returned, per key. */
  private final AtomicLongArray returned = new AtomicLongArray(KEYS);
  /** The highest version the writer saw in the reader's near cache, per key. */
  private final AtomicLongArray settled = new AtomicLongArray(KEYS);
  private final Queue<String> violations = new ConcurrentLinkedQueue<>();
  private final LongAdder reads = new LongAdder();

  private CacheManager manager(String name) {
    return Caching.getCachingProvider().getCacheManager(URI.create("test:near-stress-" + name + "-" + server.port()),
        getClass().getClassLoader());
  }

  @AfterEach
  void close() {
    readerJvm.close();
    writerJvm.close();
    server.close();
  }

  private StrataConfiguration<String, Long> config(long nearSize) {
    return StrataConfiguration.builder(String.class, Long.class).redisUri(server.uri())
        .nearCacheMaximumSize(nearSize).build();
  }

  /** A read checked against what finished reads returned and what the writer saw settle. */
  private long checkedRead(Cache<String, Long> cache, int key) {
    long floor = Math.max(returned.get(key), settled.get(key));
    Long value = cache.get("k" + key);
    long version = value == null ? 0 : value;
    reads.increment();
    if (version < floor) {
      violations.add("k" + key + ": read version " + version + " after version " + floor);
    }
    returned.accumulateAndGet(key, version, Math::max);
    return version;
  }

  @Test
  void readsNeverGoBackInTimeAndEveryWriteArrives() throws Exception {
    Cache<String, Long> reader = readerJvm.createCache("stress", config(1_000));
    Cache<String, Long> writer = writerJvm.createCache("stress", config(0));
    AtomicBoolean done = new AtomicBoolean();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < READERS; t++) {
      Thread thread = new Thread(() -> {
        while (!done.get()) {
          checkedRead(reader, ThreadLocalRandom.current().nextInt(KEYS));
        }
      }, "near-stress-reader-" + t);
      thread.start();
      threads.add(thread);
    }
    List<Long> lags = new ArrayList<>();
    long[] versions = new long[KEYS];
    long start = System.nanoTime();
    try {
      for (int i = 0; System.nanoTime() - start < RUN_NANOS; i++) {
        int key = i % KEYS;
        long version = ++versions[key];
        writer.put("k" + key, version);
        long acknowledged = System.nanoTime();
        while (checkedRead(reader, key) < version) {
          assertThat(System.nanoTime() - acknowledged).as("version %d of k%d still unseen", version, key)
              .isLessThan(LAG_BOUND_NANOS);
          Thread.onSpinWait();
        }
        lags.add(System.nanoTime() - acknowledged);
        settled.accumulateAndGet(key, version, Math::max);
      }
    } finally {
      done.set(true);
      for (Thread thread : threads) {
        thread.join();
      }
    }
    for (int key = 0; key < KEYS; key++) {
      assertThat(reader.get("k" + key)).as("the last write of k%d", key).isEqualTo(versions[key]);
    }
    report(reader, lags);
    assertThat(violations).as("reads that went back in time").isEmpty();
    assertThat(lags).hasSizeGreaterThan(KEYS);
  }

  private void report(Cache<String, Long> reader, List<Long> lags) {
    long[] sorted = lags.stream().mapToLong(Long::longValue).sorted().toArray();
    StoreMetrics metrics = reader.unwrap(StrataCache.class).storeMetrics();
    double hitRatio = (double) metrics.nearHits() / Math.max(1, metrics.nearHits() + metrics.nearMisses());
    System.out.printf("[near-stress] %d writes, %d reads, %d violations; invalidation lag p50 %.2f ms, "
            + "p99 %.2f ms, max %.2f ms; near hit ratio %.3f%n", sorted.length, reads.sum(), violations.size(),
        sorted[sorted.length / 2] / 1e6, sorted[Math.max(0, (int) Math.ceil(sorted.length * 0.99) - 1)] / 1e6,
        sorted[sorted.length - 1] / 1e6, hitRatio);
    violations.stream().limit(5).forEach(violation -> System.out.println("[near-stress] " + violation));
  }
}
