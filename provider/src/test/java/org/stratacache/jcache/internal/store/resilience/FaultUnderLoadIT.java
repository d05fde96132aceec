package org.stratacache.jcache.internal.store.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.api.StatefulRedisConnection;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.Caching;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.stratacache.jcache.configuration.ResiliencePolicy;
import org.stratacache.jcache.configuration.StrataConfiguration;
import org.stratacache.jcache.testing.ExpectedWarnings;
import org.stratacache.testing.redis.RedisServer;

/**
 * Four threads run mixed operations while the Redis server is killed and restarted three times:
 * no call outlives the timeout by more than scheduling noise, every value read is one that was
 * written for its key (or a miss), and the cache serves from Redis again soon after each restart.
 * Prints the throughput figures per phase for the record.
 */
@ExpectedWarnings("kills and restarts Redis under load")
class FaultUnderLoadIT {

  private static final Duration TIMEOUT = Duration.ofMillis(500);
  private static final int THREADS = 4;
  private static final int KEYS = 200;
  private static final long BUCKET_MILLIS = 100;

  @ParameterizedTest
  @EnumSource(ResiliencePolicy.class)
  void killedThreeTimesUnderLoadNeverHangsNorLies(ResiliencePolicy policy) throws Exception {
    try (RedisServer server = RedisServer.start();
        CacheManager manager = Caching.getCachingProvider().getCacheManager(
            URI.create("test:fault-" + policy + "-" + server.port()), getClass().getClassLoader())) {
      Cache<String, String> cache = manager.createCache("load", StrataConfiguration.builder(String.class,
          String.class).redisUri(server.uri()).redisTimeout(TIMEOUT).resiliencePolicy(policy).build());
      Load load = new Load(cache);
      ExecutorService threads = Executors.newFixedThreadPool(THREADS);
      List<Future<?>> workers = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        workers.add(threads.submit(load::run));
      }
      try {
        Thread.sleep(3_000);
        double before = load.throughputSince(System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(1_500));  // warm
        List<String> recoveries = new ArrayList<>();
        for (int fault = 1; fault <= 3; fault++) {
          server.kill();
          Thread.sleep(1_000);
          server.restart();
          long restarted = System.nanoTime();
          long recovered = load.awaitRedisSuccessAfter(server, restarted, TimeUnit.SECONDS.toNanos(10));
          assertThat(recovered).as("fault %d: served from Redis again within 5 s of the restart", fault)
              .isLessThanOrEqualTo(TimeUnit.SECONDS.toNanos(5));
          // the issue's bar: throughput back to its pre-fault level within 5 s of the restart, so the
          // figure is the last second of those five (printed, not asserted: timings on a shared machine)
          long fiveSeconds = restarted + TimeUnit.SECONDS.toNanos(5);
          TimeUnit.NANOSECONDS.sleep(Math.max(0, fiveSeconds - System.nanoTime()));
          recoveries.add(String.format("restart %d: Redis again after %d ms, %.0f%% of pre-fault throughput in "
              + "second 5 after the restart", fault, TimeUnit.NANOSECONDS.toMillis(recovered),
              100 * load.throughputSince(fiveSeconds - TimeUnit.SECONDS.toNanos(1)) / before));
        }
        System.out.printf("[fault-under-load] policy %s: %.0f ops/s before; %s; slowest call %d ms; %d reads checked%n",
            policy.name().toLowerCase(Locale.ROOT), before, String.join("; ", recoveries), load.slowestMillis(), load.checkedReads.get());
      } finally {
        load.stop.set(true);
        for (Future<?> worker : workers) {
          worker.get(30, TimeUnit.SECONDS);
        }
        threads.shutdownNow();
      }
      assertThat(load.wrongValues).as("values read that were never written for their key").isEmpty();
      assertThat(load.slowestMillis()).as("no call blocks past the timeout (plus scheduling noise)")
          .isLessThan(TIMEOUT.toMillis() + 1_000);
      assertThat(load.checkedReads.get()).isPositive();
    }
  }

  /** The mixed workload and what it saw. */
  private static final class Load {
    final Cache<String, String> cache;
    final AtomicBoolean stop = new AtomicBoolean();
    final Map<String, Set<String>> written = new ConcurrentHashMap<>();
    final Set<String> wrongValues = ConcurrentHashMap.newKeySet();
    final AtomicLong checkedReads = new AtomicLong();
    final AtomicLong sequence = new AtomicLong();
    final LongAccumulator slowestNanos = new LongAccumulator(Math::max, 0);
    final Map<Long, AtomicLong> successesPerBucket = new ConcurrentHashMap<>();
    final long start = System.nanoTime();

    Load(Cache<String, String> cache) {
      this.cache = cache;
    }

    void run() {
      ThreadLocalRandom random = ThreadLocalRandom.current();
      while (!stop.get()) {
        String key = "k" + random.nextInt(KEYS);
        long begin = System.nanoTime();
        try {
          int dice = random.nextInt(10);
          if (dice < 6) {
            check(key, cache.get(key));
          } else if (dice < 9) {
            String value = key + "#" + sequence.incrementAndGet();
            written.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(value);  // before it can be read
            cache.put(key, value);
          } else {
            cache.remove(key);
          }
          successesPerBucket.computeIfAbsent((System.nanoTime() - start) / TimeUnit.MILLISECONDS.toNanos(
              BUCKET_MILLIS), b -> new AtomicLong()).incrementAndGet();
        } catch (CacheException expected) {
          // the FAIL policy while Redis is away; anything else would escape and fail the worker
        } finally {
          slowestNanos.accumulate(System.nanoTime() - begin);
        }
      }
    }

    private void check(String key, String value) {
      if (value != null) {
        checkedReads.incrementAndGet();
        Set<String> values = written.get(key);
        if (values == null || !values.contains(value)) {
          wrongValues.add(key + " -> " + value);
        }
      }
    }

    /** Successful operations per second since {@code since} (a nanoTime), up to now. */
    double throughputSince(long since) {
      long from = (since - start) / TimeUnit.MILLISECONDS.toNanos(BUCKET_MILLIS);
      long to = (System.nanoTime() - start) / TimeUnit.MILLISECONDS.toNanos(BUCKET_MILLIS);
      long operations = 0;
      for (long bucket = from; bucket < to; bucket++) {
        AtomicLong count = successesPerBucket.get(bucket);
        operations += count == null ? 0 : count.get();
      }
      return to <= from ? 0 : operations * 1000.0 / ((to - from) * BUCKET_MILLIS);
    }

    /**
     * Nanoseconds from {@code restarted} until a write through the cache is in Redis itself (seen by
     * a raw client: a local fallback answering would not count).
     */
    long awaitRedisSuccessAfter(RedisServer server, long restarted, long limitNanos) throws InterruptedException {
      RedisClient raw = RedisClient.create(server.uri());
      try {
        while (System.nanoTime() - restarted < limitNanos) {
          String probe = "probe-" + sequence.incrementAndGet();
          try {
            cache.put(probe, "p");
            try (StatefulRedisConnection<String, String> connection = raw.connect()) {
              if (connection.sync().exists("strata:load:" + probe) == 1) {
                cache.remove(probe);
                return System.nanoTime() - restarted;
              }
            }
          } catch (CacheException | RedisException stillDown) {
            // keep trying
          }
          Thread.sleep(20);
        }
        return limitNanos;
      } finally {
        raw.shutdown(0, 1, TimeUnit.SECONDS);
      }
    }

    long slowestMillis() {
      return TimeUnit.NANOSECONDS.toMillis(slowestNanos.get());
    }
  }
}
