package org.stratacache.jcache.internal.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stratacache.jcache.StrataCache;
import org.stratacache.jcache.configuration.StrataConfiguration;
import org.stratacache.jcache.management.MBeans;
import org.stratacache.jcache.testing.Concurrently;

/**
 * A size bound on Redis, through the JCache API, with two cache managers (two connections, as two
 * JVMs would have) writing the same cache: the bound holds in Redis, evictions are counted once, the
 * least recently written entries go first, and the size figures match what Redis holds.
 */
abstract class RedisBoundContract {

  private final String prefix = RedisTesting.uniquePrefix();
  private CacheManager managerA;
  private CacheManager managerB;

  /** The Redis URI the managers connect to. */
  protected abstract String uri();

  /** Raw commands to the same Redis (every master of a Cluster). */
  protected abstract RedisClusterCommands<byte[], byte[]> raw();

  /** Whether an unbounded cache reports its size here (not on a Cluster, where its keys spread over slots). */
  protected abstract boolean unboundedCachesCount();

  @BeforeEach
  void openManagers() {
    managerA = manager("a");
    managerB = manager("b");
  }

  @AfterEach
  void closeManagers() {
    managerA.close();
    managerB.close();
  }

  private CacheManager manager(String name) {
    return RedisTesting.manager(uri(), "test:bound-" + name + "-" + prefix);
  }

  private StrataCache<String, String> cache(CacheManager manager, String name, long maximumSize) {
    return manager.createCache(name, StrataConfiguration.builder(String.class, String.class).keyPrefix(prefix)
        .maximumSize(maximumSize).statisticsEnabled(true).build()).unwrap(StrataCache.class);
  }

  /** The entry keys Redis holds for a cache (its tag sets and size index left out), by SCAN. */
  private List<String> keysInRedis(String cache, boolean oneSlot) {
    String namespace = oneSlot ? "{" + prefix + ":" + cache + "}:" : prefix + ":" + cache + ":";
    List<String> found = new ArrayList<>();
    ScanCursor cursor = ScanCursor.INITIAL;
    do {
      KeyScanCursor<byte[]> page = raw().scan(cursor,
          ScanArgs.Builder.matches((namespace + "*").getBytes(StandardCharsets.UTF_8)).limit(1000));
      for (byte[] key : page.getKeys()) {
        if (key.length > namespace.length() && key[namespace.length()] != (byte) 0xFF) {
          found.add(new String(key, StandardCharsets.UTF_8));
        }
      }
      cursor = page;
    } while (!cursor.isFinished());
    return found;
  }

  @Test
  void tenThousandDistinctPutsFromTwoManagersLeaveAThousandEntries() throws Exception {
    StrataCache<String, String> a = cache(managerA, "bounded", 1_000);
    StrataCache<String, String> b = cache(managerB, "bounded", 1_000);
    Concurrently.run(List.of(() -> putDistinct(a, "a", 5_000), () -> putDistinct(b, "b", 5_000)), 1);
    assertThat(keysInRedis("bounded", true)).hasSize(1_000);
    assertThat(a.statistics().getCacheEvictions() + b.statistics().getCacheEvictions())
        .as("every entry beyond the bound evicted once, counted by the manager whose write evicted it")
        .isEqualTo(9_000);
    assertThat(a.estimatedSize()).isEqualTo(1_000);
    assertThat(b.estimatedSize()).isEqualTo(1_000);
  }

  private static void putDistinct(Cache<String, String> cache, String keyPrefix, int count) {
    for (int i = 0; i < count; i++) {
      cache.put(keyPrefix + i, "v" + i);
    }
  }

  @Test
  void theLeastRecentlyWrittenGoFirst() throws InterruptedException {
    StrataCache<String, String> cache = cache(managerA, "order", 3);
    for (String key : List.of("k1", "k2", "k3")) {
      cache.put(key, "v");
      Thread.sleep(2);  // scores are Redis milliseconds: one write per millisecond orders them
    }
    cache.put("k1", "again");
    Thread.sleep(2);
    cache.put("k4", "v");
    assertThat(cache.containsKey("k2")).as("the least recently written").isFalse();
    assertThat(cache.getAll(Set.of("k1", "k3", "k4"))).hasSize(3);
    assertThat(cache.statistics().getCacheEvictions()).isEqualTo(1);
  }

  @Test
  void everyWritePathKeepsTheBoundAndTheCount() {
    StrataCache<String, String> cache = cache(managerA, "paths", 5);
    Map<String, String> ten = new TreeMap<>();
    for (int i = 0; i < 10; i++) {
      ten.put("p" + i, "v");
    }
    cache.putAll(ten);
    assertThat(keysInRedis("paths", true)).hasSize(5);
    assertThat(cache.estimatedSize()).isEqualTo(5);
    cache.removeAll(ten.keySet());
    assertThat(cache.estimatedSize()).as("removals leave the index").isZero();
    cache.invoke("i1", (entry, args) -> {
      entry.setValue("v");
      return null;
    });
    cache.putIfAbsent("i2", "v");
    cache.getAndPut("i3", "v");
    assertThat(cache.estimatedSize()).isEqualTo(3);
    cache.remove("i1");
    cache.getAndRemove("i2");
    assertThat(cache.estimatedSize()).isEqualTo(1);
    cache.clear();
    assertThat(cache.estimatedSize()).isZero();
    assertThat(cache.statistics().getCacheEvictions()).isEqualTo(5);
  }

  @Test
  void sizeFiguresMatchWhatRedisHolds() throws Exception {
    boolean counted = unboundedCachesCount();
    StrataCache<String, String> cache = cache(managerA, "sized", counted ? 0 : 100_000);
    Random random = new Random(42);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 10_000; i++) {
      text.setLength(0);
      for (int c = 0; c < 1024; c++) {
        text.append((char) ('!' + random.nextInt(90)));
      }
      cache.put("s" + i, text.toString());
    }
    List<String> held = keysInRedis("sized", !counted);
    assertThat(held).hasSize(10_000);
    assertThat((double) cache.estimatedSize()).isCloseTo(10_000, withPercentage(5));
    long usage = 0;
    for (String key : held) {
      usage += raw().memoryUsage(key.getBytes(StandardCharsets.UTF_8));
    }
    assertThat((double) cache.storeMetrics().estimatedBytes())
        .isCloseTo(usage, withPercentage(20));
    ObjectName bean = MBeans.objectName(cache, MBeans.Type.StoreStatistics);
    assertThat(bean.getDomain()).isEqualTo("org.stratacache");
    assertThat((Long) ManagementFactory.getPlatformMBeanServer().getAttribute(bean, "EstimatedSize"))
        .as("the same count over JMX").isEqualTo(cache.estimatedSize());
    assertThat((Long) ManagementFactory.getPlatformMBeanServer().getAttribute(bean, "EstimatedBytes")).isPositive();
  }
}
