package org.stratacache.jcache.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.ThreadMXBean;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.processor.EntryProcessor;
import org.junit.jupiter.api.Test;
import org.stratacache.jcache.configuration.CorruptValuePolicy;
import org.stratacache.jcache.configuration.SerializationSettings;
import org.stratacache.jcache.configuration.Setting;
import org.stratacache.jcache.configuration.StrataConfiguration;
import org.stratacache.jcache.internal.codec.KryoSerializer;
import org.stratacache.jcache.internal.codec.ValueCodec;
import org.stratacache.jcache.internal.config.ManagerDefaults;
import org.stratacache.jcache.internal.store.redis.RedisTesting;
import org.stratacache.jcache.testing.Concurrently;
import org.stratacache.jcache.testing.ExpectedWarnings;
import org.stratacache.testing.redis.RedisServer;

/**
 * 100,000 random and mutated stored values, planted in Redis by a raw client and read through the
 * cache with get, getAll, the iterator and invoke, under both corrupt-value policies: each read
 * decodes, misses (miss policy) or fails with a {@code CacheException} (fail policy), nothing else
 * escapes, unmodified values still read correctly among the corrupt ones, and no class outside the
 * allow-list is ever initialized, and no get takes over 5 s or allocates over 64 MB on its thread
 * ({@link HostileShapesFuzzIT} plants the hostile shapes one by one). The counts are printed. {@code -Dstrata.fuzz.samples=N} changes
 * the number of values.
 */
@ExpectedWarnings("reads 100,000 corrupt values planted in Redis")
class StoredValueFuzzIT {

  private static final int SAMPLES = Integer.getInteger("strata.fuzz.samples", 100_000);
  private static final int THREADS = 4;
  private static final SerializationSettings SETTINGS = SerializationSettings.none()
      .allowClass(Parcel.class).allowClass(Hooked.class);

  private final String prefix = RedisTesting.uniquePrefix();
  private final Map<String, FuzzCorpus.Sample> samples = new HashMap<>();
  private final AtomicLong slowestRead = new AtomicLong();
  private final AtomicLong largestRead = new AtomicLong();

  @Test
  void corruptStoredValuesAreRefusedAsDocumentedAndNeverInstantiateForeignClasses() {
    ValueCodec codec = new ValueCodec(new KryoSerializer(getClass().getClassLoader(), SETTINGS), 1000, 6);
    assertThat(codec.decode(FuzzCorpus.nestedLists(3))).as("the nesting pattern is real")
        .isEqualTo(List.of(List.of(List.of("x"))));
    assertThat((Object[]) codec.decode(FuzzCorpus.nestedArrays(2))).isEqualTo(new Object[] {new Object[] {1L}});
    FuzzCorpus corpus = new FuzzCorpus(codec, 20_261_124L);
    for (int i = 0; i < SAMPLES; i++) {
      samples.put("k" + i, corpus.next(i));
    }
    plant();

    FuzzTally failGet = new FuzzTally("fail policy, get", true);
    FuzzTally failGetAll = new FuzzTally("fail policy, getAll (batches of 50)", true);
    FuzzTally failIterator = new FuzzTally("fail policy, iterator (a failure ends its page)", true);
    FuzzTally failInvoke = new FuzzTally("fail policy, invoke (every 10th key)", true);
    FuzzTally missGetAll = new FuzzTally("miss policy, getAll (batches of 50)", false);
    FuzzTally missIterator = new FuzzTally("miss policy, iterator", false);
    FuzzTally missGet = new FuzzTally("miss policy, get", false);
    List<FuzzTally> tallies = List.of(failGet, failGetAll, failIterator, failInvoke, missGetAll, missIterator,
        missGet);
    try (CacheManager failing = manager("fail"); CacheManager missing = manager("miss");
         QuietLog quiet = QuietLog.of("org.stratacache.jcache.internal.store.redis.RedisStore")) {
      Cache<String, Object> strict = cache(failing, CorruptValuePolicy.FAIL);
      timed(failGet, () -> readEach(strict, failGet));
      timed(failGetAll, () -> readInBatches(strict, failGetAll));
      timed(failIterator, () -> iterate(strict, failIterator));
      timed(failInvoke, () -> invokeEach(strict, failInvoke));
      // the miss policy removes what it cannot read: each of its read paths gets the values planted again
      Cache<String, Object> lenient = cache(missing, CorruptValuePolicy.MISS);
      timed(missGetAll, () -> readInBatches(lenient, missGetAll));
      plant();
      timed(missIterator, () -> iterate(lenient, missIterator));
      plant();
      timed(missGet, () -> readEach(lenient, missGet));
      lenient.clear();
    }
    tallies.forEach(tally -> System.out.println(tally));
    System.out.printf("slowest get: %d ms; most allocated by one get: %,d bytes%n", slowestRead.get(),
        largestRead.get());
    // generous: they catch a read that allocates what a value claims, or hangs, not a slow machine
    assertThat(slowestRead.get()).as("ms of the slowest get").isLessThan(5_000);
    assertThat(largestRead.get()).as("bytes allocated by one get").isLessThan(64L << 20);

    for (FuzzTally tally : tallies) {
      assertThat(tally.escaped()).as("escaped from %s", tally).isEmpty();
    }
    assertThat(Canary.Touched.count()).as("Canary initialized or constructed").isZero();
    assertThat(failGet.canaryRefusals()).as("forged values reached the class filter").isPositive();
    assertThat(failGet.count(" refused")).isPositive();
    assertThat(failGet.count(" decoded")).isGreaterThanOrEqualTo(SAMPLES / 20);
    assertThat(missGet.count(" missed")).as("corrupt values read as misses").isGreaterThan(SAMPLES / 2);
  }

  /** Prints how long a read path took: for the record, not asserted. */
  private static void timed(FuzzTally tally, Runnable reads) {
    long start = System.nanoTime();
    reads.run();
    System.out.println(tally.name() + " took " + (System.nanoTime() - start) / 1_000_000 + " ms");
  }

  /** Writes every sample under its cache key with a raw client. */
  private void plant() {
    RedisClient client = RedisClient.create();
    try (StatefulRedisConnection<byte[], byte[]> raw = RedisTesting.rawConnection(client)) {
      Map<byte[], byte[]> batch = new HashMap<>();
      for (int i = 0; i < SAMPLES; i++) {
        String key = "k" + i;
        FuzzCorpus.Sample sample = samples.get(key);
        batch.put((prefix + ":fuzz:" + key).getBytes(StandardCharsets.UTF_8), sample.bytes());
        if (batch.size() == 500 || i == SAMPLES - 1) {
          raw.sync().mset(batch);
          batch.clear();
        }
      }
    } finally {
      client.shutdown();
    }
  }

  private CacheManager manager(String name) {
    Properties properties = new Properties();
    properties.setProperty(Setting.REDIS_URI.property(), RedisServer.sharedUri());
    return Caching.getCachingProvider().getCacheManager(URI.create("test:fuzz-" + name + "-" + prefix),
        getClass().getClassLoader(), properties);
  }

  private Cache<String, Object> cache(CacheManager manager, CorruptValuePolicy policy) {
    // a long timeout: on a busy machine, GC pauses from refused huge allocations must not look like Redis failing
    return manager.createCache("fuzz", StrataConfiguration.builder(String.class, Object.class)
        .keyPrefix(prefix).serialization(SETTINGS).corruptValuePolicy(policy)
        .redisTimeout(Duration.ofSeconds(60)).build());
  }

  /** One get per key, on {@value #THREADS} threads so that Redis round trips overlap. */
  private void readEach(Cache<String, Object> cache, FuzzTally tally) {
    List<Runnable> slices = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int first = t;
      slices.add(() -> {
        for (int i = first; i < SAMPLES; i += THREADS) {
          String key = "k" + i;
          FuzzCorpus.Sample sample = samples.get(key);
          long allocated = allocated();
          long start = System.nanoTime();
          try {
            outcome(tally, sample, cache.get(key));
          } catch (AssertionError e) {
            throw e;
          } catch (Throwable thrown) {   // NOPMD: whatever escapes is what this test looks for
            tally.thrown(sample.kind(), thrown);
          }
          slowestRead.accumulateAndGet((System.nanoTime() - start) / 1_000_000, Math::max);
          largestRead.accumulateAndGet(allocated() - allocated, Math::max);
        }
      });
    }
    try {
      Concurrently.run(slices, 1);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private void readInBatches(Cache<String, Object> cache, FuzzTally tally) {
    for (int start = 0; start < SAMPLES; start += 50) {
      Set<String> keys = new LinkedHashSet<>();
      for (int i = start; i < Math.min(SAMPLES, start + 50); i++) {
        keys.add("k" + i);
      }
      try {
        Map<String, Object> found = cache.getAll(keys);
        keys.forEach(key -> outcome(tally, samples.get(key), found.get(key)));
      } catch (AssertionError e) {
        throw e;
      } catch (Throwable thrown) {   // NOPMD
        tally.thrown("BATCH", thrown);
      }
    }
  }

  private void iterate(Cache<String, Object> cache, FuzzTally tally) {
    var iterator = cache.iterator();
    for (int steps = 0; steps < 2 * SAMPLES; steps++) {
      try {
        if (!iterator.hasNext()) {
          return;
        }
        Cache.Entry<String, Object> entry = iterator.next();
        outcome(tally, samples.get(entry.getKey()), entry.getValue());
      } catch (AssertionError e) {
        throw e;
      } catch (Throwable thrown) {   // NOPMD
        tally.thrown("PAGE", thrown);
      }
    }
    throw new AssertionError("the iterator did not end after " + 2 * SAMPLES + " steps");
  }

  private void invokeEach(Cache<String, Object> cache, FuzzTally tally) {
    EntryProcessor<String, Object, Object> read = (entry, arguments) -> entry.exists() ? entry.getValue() : null;
    for (int i = 0; i < SAMPLES; i += 10) {
      String key = "k" + i;
      FuzzCorpus.Sample sample = samples.get(key);
      try {
        outcome(tally, sample, cache.invoke(key, read));
      } catch (AssertionError e) {
        throw e;
      } catch (Throwable thrown) {   // NOPMD
        tally.thrown(sample.kind(), thrown);
      }
    }
  }

  private static void outcome(FuzzTally tally, FuzzCorpus.Sample sample, Object value) {
    if (value == null) {
      assertThat(sample.expected()).as("an unmodified value read as a miss").isNull();
      tally.missed(sample.kind());
      return;
    }
    if (sample.expected() != null) {
      assertThat(Objects.deepEquals(value, sample.expected()))
          .as("an unmodified value among corrupt ones: %s", value).isTrue();
    }
    tally.decoded(sample.kind());
  }

  private static long allocated() {
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    return threads.getThreadAllocatedBytes(Thread.currentThread().getId());
  }

  private static boolean equalArrays(Object value, Object expected) {
    return value instanceof Object[] a && expected instanceof Object[] b && Arrays.deepEquals(a, b);
  }
}
