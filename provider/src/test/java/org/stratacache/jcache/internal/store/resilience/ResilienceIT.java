package org.stratacache.jcache.internal.store.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.Caching;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.stratacache.jcache.StrataCache;
import org.stratacache.jcache.configuration.ResiliencePolicy;
import org.stratacache.jcache.configuration.StrataConfiguration;
import org.stratacache.jcache.testing.ExpectedWarnings;
import org.stratacache.testing.redis.RedisServer;

/** A real Redis server stopped and restarted under caches with each resilience policy. */
@ExpectedWarnings("kills and restarts Redis under each resilience policy")
class ResilienceIT {

  private static final Duration TIMEOUT = Duration.ofMillis(500);

  private final RedisServer server = RedisServer.start();
  private final CacheManager manager = Caching.getCachingProvider()
      .getCacheManager(URI.create("test:resilience-" + server.port()), getClass().getClassLoader());

  @AfterEach
  void close() {
    manager.close();
    server.close();
  }

  private Cache<String, String> cache(String name, ResiliencePolicy policy) {
    return manager.createCache(name, StrataConfiguration.builder(String.class, String.class)
        .redisUri(server.uri()).redisTimeout(TIMEOUT).resiliencePolicy(policy).fallbackMaximumSize(100L).build());
  }

  private static long millis(Runnable action) {
    long start = System.nanoTime();
    try {
      action.run();
    } catch (CacheException expected) {
      // the time is what counts here
    }
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition not met within 15 s").isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  private static boolean works(Cache<String, String> cache, String key) {
    try {
      cache.put(key, "after");
      return "after".equals(cache.get(key)) && !cache.unwrap(StrataCache.class).storeMetrics().equals(null);
    } catch (CacheException e) {
      return false;
    }
  }

  @Test
  void eachPolicyDegradesAsConfiguredAndRecoversWithoutARestart() throws Exception {
    Cache<String, String> failing = cache("fail", ResiliencePolicy.FAIL);
    Cache<String, String> missing = cache("miss", ResiliencePolicy.MISS);
    Cache<String, String> local = cache("local", ResiliencePolicy.LOCAL_FALLBACK);
    for (Cache<String, String> cache : List.of(failing, missing, local)) {
      cache.put("k", "before");
    }
    PrintStream originalErr = System.err;
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    try {
      server.kill();

      for (int i = 0; i < 20; i++) {
        assertThat(millis(() -> failing.get("k"))).as("no call blocks past the timeout").isLessThan(1_500);
      }
      assertThatThrownBy(() -> failing.get("k")).isInstanceOf(CacheException.class)
          .hasMessageContaining(server.uri());

      for (int i = 0; i < 20; i++) {
        String key = "m" + i;
        assertThat(millis(() -> missing.put(key, "dropped"))).isLessThan(1_500);
        assertThat(missing.get("k")).as("reads miss").isNull();
      }
      assertThat(missing.unwrap(StrataCache.class).storeMetrics().droppedWrites()).isGreaterThanOrEqualTo(19);

      local.put("offline", "kept locally");
      assertThat(local.get("offline")).isEqualTo("kept locally");
      assertThat(local.unwrap(StrataCache.class).storeMetrics().fallbackOperations()).isPositive();

      server.restart();
      await(() -> works(failing, "k2"));
      await(() -> works(missing, "k2"));
      // the fallback answers too, so "works" alone may pass before the probe finds Redis again:
      // wait until reads come from Redis, where the entry written while it was away never went
      await(() -> works(local, "k2") && local.get("offline") == null);
    } finally {
      System.setErr(originalErr);
    }
    String lines = log.toString(StandardCharsets.UTF_8);
    assertThat(lines.split("is unavailable \\(", -1)).as("each cache logs going down once").hasSize(4);
    assertThat(lines.split("is available again", -1)).as("and coming back once").hasSize(4);
  }

  @Test
  void unreachableAtStartFailsOrWaitsAsConfigured() throws Exception {
    server.kill();
    long start = System.nanoTime();
    assertThatThrownBy(() -> cache("fail-at-start", ResiliencePolicy.FAIL)).isInstanceOf(CacheException.class)
        .hasMessageContaining(server.uri());
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(3_000);

    Cache<String, String> missing = cache("miss-at-start", ResiliencePolicy.MISS);
    missing.put("k", "dropped");
    assertThat(missing.get("k")).isNull();
    server.restart();
    await(() -> works(missing, "k"));
  }
}
