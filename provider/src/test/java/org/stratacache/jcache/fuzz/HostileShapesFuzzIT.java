package org.stratacache.jcache.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.management.ThreadMXBean;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.Caching;
import org.junit.jupiter.api.Test;
import org.stratacache.jcache.codec.CodecException;
import org.stratacache.jcache.configuration.CorruptValuePolicy;
import org.stratacache.jcache.configuration.SerializationSettings;
import org.stratacache.jcache.configuration.Setting;
import org.stratacache.jcache.configuration.StrataConfiguration;
import org.stratacache.jcache.internal.codec.KryoSerializer;
import org.stratacache.jcache.internal.codec.PlantedValues;
import org.stratacache.jcache.internal.codec.ValueCodec;
import org.stratacache.jcache.internal.config.ManagerDefaults;
import org.stratacache.jcache.internal.store.redis.RedisTesting;
import org.stratacache.jcache.testing.ExpectedWarnings;
import org.stratacache.testing.redis.RedisServer;

/**
 * The hostile shapes an attacker with write access to Redis can plant (about ten bytes claiming a
 * huge string, array, list or map; zstd frames of zeros inflating to 400 MB, with and without a
 * declared size; the depth-26 hash-code bomb; a list nested 100,000 deep), read through the cache
 * with get, getAll and the iterator: every read ends within a time bound and allocates, on the
 * reading thread, within a memory bound, while another cache of the same manager keeps answering
 * within 500 ms. Bounds are generous: they catch allocate-then-fail and hangs, not slowness.
 */
@ExpectedWarnings("reads hostile values planted in Redis")
class HostileShapesFuzzIT {

  private static final long READ_MILLIS = 2_000;
  private static final long READ_BYTES = 64L << 20;
  private static final long OTHER_CACHE_MILLIS = 500;

  private final String prefix = RedisTesting.uniquePrefix();

  @Test
  void hostileShapesAreRefusedWithinTimeAndMemoryBoundsOnEveryReadPath() throws Exception {
    Map<String, byte[]> hostile = hostileValues();
    ValueCodec codec = new ValueCodec(new KryoSerializer(getClass().getClassLoader(), SerializationSettings.none()),
        1000, 6);
    plant(hostile, codec.encode("good"));
    try (CacheManager manager = manager("fail"); CacheManager missing = manager("miss");
         QuietLog quiet = QuietLog.of("org.stratacache.jcache.internal.store.redis.RedisStore")) {
      Cache<String, Object> strict = cache(manager, "fuzz", CorruptValuePolicy.FAIL);
      Cache<String, Object> other = cache(manager, "other", CorruptValuePolicy.FAIL);
      other.put("k", "v");
      // the first read of a cache connects and loads classes: not what the bounds measure
      assertThat(strict.get("good")).isEqualTo("good");
      AtomicBoolean reading = new AtomicBoolean(true);
      AtomicLong slowestOther = new AtomicLong();
      Thread watcher = new Thread(() -> {
        while (reading.get()) {
          long start = System.nanoTime();
          other.get("k");
          slowestOther.accumulateAndGet((System.nanoTime() - start) / 1_000_000, Math::max);
        }
      });
      watcher.start();
      try {
        for (Map.Entry<String, byte[]> value : hostile.entrySet()) {
          bounded("get " + value.getKey(), () -> strict.get(value.getKey()), true);
        }
        assertThat(strict.get("good")).isEqualTo("good");
        bounded("getAll", () -> strict.getAll(hostile.keySet()), true);
        Cache<String, Object> lenient = cache(missing, "fuzz", CorruptValuePolicy.MISS);
        bounded("getAll (miss policy)", () -> assertThat(lenient.getAll(hostile.keySet())).isEmpty(), false);
        plant(hostile, codec.encode("good"));
        bounded("iteration (miss policy)", () -> {
          List<String> keys = new ArrayList<>();
          lenient.forEach(entry -> keys.add(entry.getKey()));
          assertThat(keys).containsExactly("good");
        }, false);
      } finally {
        reading.set(false);
        watcher.join();
      }
      System.out.println("slowest get of another cache during hostile reads: " + slowestOther.get() + " ms");
      assertThat(slowestOther.get()).as("ms of the slowest get of another cache").isLessThan(OTHER_CACHE_MILLIS);
    }
  }

  @Test
  void aPutOfAValueNoReadWouldAcceptIsRefusedAndStoresNothing() {
    try (CacheManager manager = manager("put")) {
      Cache<String, Object> cache = cache(manager, "fuzz", CorruptValuePolicy.FAIL);
      byte[] large = new byte[20 << 20];
      new Random(7).nextBytes(large);
      assertThatThrownBy(() -> cache.put("large", large)).isInstanceOf(CodecException.class)
          .hasMessageContaining("limits.value-size");
      Supplier<String> lambda = () -> "x";
      assertThatThrownBy(() -> cache.put("lambda", lambda)).isInstanceOf(CodecException.class)
          .hasMessageContaining("lambda");
      assertThatThrownBy(() -> cache.put("deep", PlantedValues.deepList(100_000)))
          .isInstanceOf(CodecException.class).hasMessageContaining("limits.depth");
      assertThat(cache.containsKey("large") || cache.containsKey("lambda") || cache.containsKey("deep")).isFalse();
    }
  }

  private static Map<String, byte[]> hostileValues() {
    Map<String, byte[]> hostile = new LinkedHashMap<>();
    PlantedValues.sizeClaims().forEach((name, bytes) -> hostile.put(name.replace(' ', '-'), bytes));
    hostile.put("zstd-400MB-declared", PlantedValues.zeros(400_000_000L, true));
    hostile.put("zstd-400MB-undeclared", PlantedValues.zeros(400_000_000L, false));
    ValueCodec codec = new ValueCodec(new KryoSerializer(HostileShapesFuzzIT.class.getClassLoader(),
        SerializationSettings.none()), Integer.MAX_VALUE, 6);
    hostile.put("hash-bomb-26", codec.encode(PlantedValues.hashBomb(26)));
    hostile.put("list-100000-deep", FuzzCorpus.nestedLists(100_000));
    return hostile;
  }

  /** Runs one read, which must end within the time bound, allocating within the memory bound. */
  private static void bounded(String read, Runnable body, boolean mayFail) {
    long allocated = allocated();
    long start = System.nanoTime();
    try {
      body.run();
    } catch (CacheException refused) {
      assertThat(mayFail).as("%s failed: %s", read, refused).isTrue();
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    long bytes = allocated() - allocated;
    System.out.printf("%s: %d ms, %,d bytes allocated%n", read, millis, bytes);
    assertThat(millis).as("ms for %s", read).isLessThan(READ_MILLIS);
    assertThat(bytes).as("bytes allocated by %s", read).isLessThan(READ_BYTES);
  }

  private static long allocated() {
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    return threads.getThreadAllocatedBytes(Thread.currentThread().getId());
  }

  private void plant(Map<String, byte[]> hostile, byte[] good) {
    RedisClient client = RedisClient.create();
    try (StatefulRedisConnection<byte[], byte[]> raw = RedisTesting.rawConnection(client)) {
      hostile.forEach((key, bytes) -> raw.sync().set(redisKey(key), bytes));
      raw.sync().set(redisKey("good"), good);
    } finally {
      client.shutdown();
    }
  }

  private byte[] redisKey(String key) {
    return (prefix + ":fuzz:" + key).getBytes(StandardCharsets.UTF_8);
  }

  private CacheManager manager(String name) {
    Properties properties = new Properties();
    properties.setProperty(Setting.REDIS_URI.property(), RedisServer.sharedUri());
    return Caching.getCachingProvider().getCacheManager(URI.create("test:hostile-" + name + "-" + prefix),
        getClass().getClassLoader(), properties);
  }

  private Cache<String, Object> cache(CacheManager manager, String name, CorruptValuePolicy policy) {
    return manager.createCache(name, StrataConfiguration.builder(String.class, Object.class)
        .keyPrefix(prefix).corruptValuePolicy(policy).redisTimeout(Duration.ofSeconds(10)).build());
  }
}
