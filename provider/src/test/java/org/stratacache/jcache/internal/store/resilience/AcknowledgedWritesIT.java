package org.stratacache.jcache.internal.store.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.stratacache.jcache.configuration.ResiliencePolicy;
import org.stratacache.jcache.configuration.StrataConfiguration;
import org.stratacache.jcache.testing.ExpectedWarnings;
import org.stratacache.testing.redis.RedisServer;

/**
 * No acknowledged write is undone under {@code miss} and {@code local-fallback}: a Redis server
 * stalled for 4 s (CLIENT PAUSE from a second connection: commands sent meanwhile run when it ends)
 * and one stopped and restarted with its data (append-only file), while threads write and read
 * back their own keys. A read returns the last value its thread wrote or nothing, never an older
 * value and never the value from before the outage; a removal never answers {@code false} for an
 * existing key, and the key never comes back.
 */
@ExpectedWarnings("stalls and restarts Redis under the miss and local-fallback policies")
class AcknowledgedWritesIT {

  private static final Duration TIMEOUT = Duration.ofMillis(500);
  private static final int THREADS = 4;
  private static final int KEYS_PER_THREAD = 25;

  private final RedisServer server = RedisServer.start("--appendonly", "yes", "--appendfsync", "always");
  private final CacheManager manager = Caching.getCachingProvider()
      .getCacheManager(URI.create("test:acknowledged-" + server.port()), getClass().getClassLoader());

  @AfterEach
  void close() {
    manager.close();
    server.close();
  }

  enum Fault { STALL, RESTART }

  @ParameterizedTest
  @EnumSource(ResiliencePolicy.class)
  void stalledServerUndoesNoAcknowledgedWrite(ResiliencePolicy policy) throws Exception {
    if (policy != ResiliencePolicy.FAIL) {
      run(policy, Fault.STALL);
    }
  }

  @ParameterizedTest
  @EnumSource(ResiliencePolicy.class)
  void restartedServerUndoesNoAcknowledgedWrite(ResiliencePolicy policy) throws Exception {
    if (policy != ResiliencePolicy.FAIL) {
      run(policy, Fault.RESTART);
    }
  }

  private void run(ResiliencePolicy policy, Fault fault) throws Exception {
    Cache<String, String> cache = manager.createCache("ack-" + policy + "-" + fault,
        StrataConfiguration.builder(String.class, String.class).redisUri(server.uri()).redisTimeout(TIMEOUT)
            .resiliencePolicy(policy).fallbackMaximumSize(10_000L).build());
    cache.put("price", "100");
    cache.put("session", "alice");
    for (int t = 0; t < THREADS; t++) {
      for (int k = 0; k < KEYS_PER_THREAD; k++) {
        cache.put(key(t, k), "0");
      }
    }

    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong acknowledged = new AtomicLong();
    ConcurrentLinkedQueue<String> undone = new ConcurrentLinkedQueue<>();
    ConcurrentHashMap<String, Long> last = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<?>> writers = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      writers.add(pool.submit(() -> {
        long n = 0;
        while (!stop.get()) {
          n++;
          for (int k = 0; k < KEYS_PER_THREAD; k++) {
            String key = key(thread, k);
            cache.put(key, Long.toString(n));
            acknowledged.incrementAndGet();
            last.put(key, n);
            String read = cache.get(key);
            if (read != null && Long.parseLong(read) != n) {
              undone.add(key + " wrote " + n + " read " + read);
            }
          }
        }
        return null;
      }));
    }
    Thread.sleep(300);

    boolean removed;
    if (fault == Fault.STALL) {
      pause(4_000);
      Thread.sleep(200);
      cache.put("price", "120");
      removed = cache.remove("session");
      Thread.sleep(4_500);
    } else {
      server.stop();
      cache.put("price", "120");
      removed = cache.remove("session");
      Thread.sleep(1_000);
      server.restart();
    }
    awaitRecovery(cache);
    Thread.sleep(1_000);
    stop.set(true);
    for (Future<?> writer : writers) {
      writer.get(30, TimeUnit.SECONDS);
    }
    pool.shutdown();

    assertThat(cache.get("price")).as("price after recovery").isIn("120", null);
    assertThat(cache.get("session")).as("a removed key never comes back").isNull();
    for (var entry : last.entrySet()) {
      String stored = cache.get(entry.getKey());
      if (stored != null && Long.parseLong(stored) != entry.getValue()) {
        undone.add(entry.getKey() + " last wrote " + entry.getValue() + " reads " + stored + " after recovery");
      }
    }
    assertThat(acknowledged.get()).as("writes acknowledged").isGreaterThan(THREADS * KEYS_PER_THREAD * 3L);
    assertThat(undone).as("acknowledged writes undone").isEmpty();
    assertThat(removed).as("remove of an existing key while Redis is away").isTrue();
    System.out.printf("%s %s: %d acknowledged writes, %d undone%n", policy, fault, acknowledged.get(), undone.size());
  }

  private static String key(int thread, int k) {
    return "t" + thread + "-k" + k;
  }

  /** CLIENT PAUSE from a connection of its own: every client's commands wait, then run. */
  private void pause(long millis) {
    RedisClient client = RedisClient.create(server.uri());
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      connection.sync().clientPause(millis);
    } finally {
      client.shutdown();
    }
  }

  /** Until a write and a read of a fresh key go through Redis (a raw look proves it). */
  private void awaitRecovery(Cache<String, String> cache) throws InterruptedException {
    RedisClient client = RedisClient.create(server.uri());
    try (StatefulRedisConnection<String, String> raw = client.connect()) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (true) {
        cache.put("probe", "p");
        if (!raw.sync().keys("*probe*").isEmpty()) {
          return;
        }
        assertThat(System.nanoTime()).as("Redis serves the cache again within 20 s").isLessThan(deadline);
        Thread.sleep(50);
      }
    } finally {
      client.shutdown();
    }
  }
}
