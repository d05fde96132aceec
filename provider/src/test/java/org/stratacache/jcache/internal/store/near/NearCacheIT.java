package org.stratacache.jcache.internal.store.near;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.AclSetuserArgs;
import io.lettuce.core.KillArgs;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.protocol.CommandType;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.expiry.AccessedExpiryPolicy;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.stratacache.jcache.StrataCache;
import org.stratacache.jcache.configuration.StrataConfiguration;
import org.stratacache.jcache.testing.ExpectedWarnings;
import org.stratacache.jcache.testing.SilentLink;
import org.stratacache.testing.redis.RedisServer;

/** A near cache in front of a real Redis, with a second cache manager writing as another JVM would. */
@ExpectedWarnings("silences, kills and restarts the Redis a near cache tracks")
class NearCacheIT {

  private final RedisServer server = RedisServer.start();
  private final CacheManager near = manager("near");
  private final CacheManager other = manager("other");

  private CacheManager manager(String name) {
    return Caching.getCachingProvider().getCacheManager(URI.create("test:near-" + name + "-" + server.port()),
        getClass().getClassLoader());
  }

  @AfterEach
  void close() {
    near.close();
    other.close();
    server.close();
  }

  private <V> StrataConfiguration.Builder<String, V> redis(Class<V> type, long nearSize) {
    return StrataConfiguration.builder(String.class, type).redisUri(server.uri()).nearCacheMaximumSize(nearSize)
        .redisTimeout(java.time.Duration.ofMillis(500));
  }

  private Cache<String, String> nearCache(String name) {
    return near.createCache(name, redis(String.class, 1_000).build());
  }

  private Cache<String, String> plainCache(String name) {
    return other.createCache(name, redis(String.class, 0).build());
  }

  private long redisGets() {
    RedisClient client = RedisClient.create(server.uri());
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      for (String line : connection.sync().info("commandstats").split("\r?\n")) {
        if (line.startsWith("cmdstat_get:calls=")) {
          return Long.parseLong(line.substring("cmdstat_get:calls=".length(), line.indexOf(',')));
        }
      }
      return 0;
    } finally {
      client.shutdown(0, 1, TimeUnit.SECONDS);
    }
  }

  private static <T> long millisUntil(Supplier<T> read, T expected) throws InterruptedException {
    long start = System.nanoTime();
    while (!expected.equals(read.get())) {
      assertThat(System.nanoTime() - start).as("still not %s after 5 s", expected)
          .isLessThan(TimeUnit.SECONDS.toNanos(5));
      Thread.sleep(0, 200_000);
    }
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
  }

  @Test
  void repeatedReadsAreServedFromMemoryAndCountedApart() {
    // written before the near cache tracks keys: no invalidation of it can arrive late and drop the copy
    plainCache("hot").put("k", "v");
    Cache<String, String> cache = nearCache("hot");
    StrataCache<String, String> strata = cache.unwrap(StrataCache.class);
    while (strata.storeMetrics().nearHits() == 0) {
      assertThat(cache.get("k")).isEqualTo("v");
    }
    long getsBefore = redisGets();
    long hitsBefore = strata.storeMetrics().nearHits();
    long missesBefore = strata.storeMetrics().nearMisses();
    for (int i = 0; i < 100; i++) {
      assertThat(cache.get("k")).isEqualTo("v");
    }
    assertThat(redisGets()).as("no GET reached Redis").isEqualTo(getsBefore);
    assertThat(strata.storeMetrics().nearHits() - hitsBefore).isEqualTo(100);
    assertThat(strata.storeMetrics().nearMisses()).isEqualTo(missesBefore);
  }

  @Test
  void aWriteByAnotherManagerReplacesTheCopyWithinMilliseconds() throws Exception {
    Cache<String, String> reader = nearCache("shared");
    Cache<String, String> writer = plainCache("shared");
    List<Long> lags = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      String value = "v" + i;
      writer.put("k", value);
      lags.add(millisUntil(() -> reader.get("k"), value));
      assertThat(reader.get("k")).isEqualTo(value);  // and now it is held: the next read is local
    }
    long[] sorted = lags.stream().mapToLong(Long::longValue).sorted().toArray();
    System.out.printf("[near-cache] invalidation lag over %d writes: median %d ms, p99 %d ms, max %d ms%n",
        sorted.length, sorted[sorted.length / 2], sorted[(int) (sorted.length * 0.99) - 1], sorted[sorted.length - 1]);
    assertThat(reader.unwrap(StrataCache.class).storeMetrics().nearHits()).as("copies were held between writes")
        .isGreaterThan(100);
  }

  @Test
  void concurrentWritesNeverLeaveAnOldValueBehind() throws Exception {
    Cache<String, String> reader = nearCache("race");
    Cache<String, String> writer = plainCache("race");
    AtomicBoolean done = new AtomicBoolean();
    Thread readers = new Thread(() -> {
      while (!done.get()) {
        reader.get("k");
      }
    });
    readers.start();
    for (int i = 0; i < 3_000; i++) {
      writer.put("k", "v" + i);
    }
    writer.put("k", "last");
    millisUntil(() -> reader.get("k"), "last");
    Thread.sleep(200);
    done.set(true);
    readers.join();
    assertThat(reader.get("k")).as("no overtaken read kept an older value").isEqualTo("last");
  }

  @Test
  void ownWritesAndRemovalsAreSeenAtOnce() {
    Cache<String, String> cache = nearCache("own");
    cache.put("k", "1");
    cache.get("k");
    cache.put("k", "2");
    assertThat(cache.get("k")).isEqualTo("2");
    cache.remove("k");
    assertThat(cache.get("k")).isNull();
    cache.put("k", "3");
    cache.get("k");
    cache.clear();
    assertThat(cache.get("k")).isNull();
  }

  @Test
  void heldCopiesExpireWithTheirEntry() throws Exception {
    Cache<String, String> cache = near.createCache("expiring", redis(String.class, 100)
        .expiryPolicyFactory(CreatedExpiryPolicy.factoryOf(new Duration(TimeUnit.MILLISECONDS, 300))).build());
    cache.put("k", "v");
    assertThat(cache.get("k")).isEqualTo("v");
    Thread.sleep(400);
    assertThat(cache.get("k")).isNull();
  }

  @Test
  void readsThatMustTouchTheLifetimeGoToRedis() {
    Cache<String, String> cache = near.createCache("accessed", redis(String.class, 100)
        .expiryPolicyFactory(AccessedExpiryPolicy.factoryOf(Duration.ONE_HOUR)).build());
    cache.put("k", "v");
    cache.get("k");
    cache.get("k");
    assertThat(cache.unwrap(StrataCache.class).storeMetrics().nearHits()).isZero();
  }

  @Test
  void aReadThroughAViewThatEndsTheLifetimeDropsTheHeldCopyAtOnce() {
    Cache<String, String> cache = nearCache("view");
    StrataCache<String, String> endsOnRead = cache.unwrap(StrataCache.class)
        .withExpiryPolicy(new AccessedExpiryPolicy(Duration.ZERO));
    for (int i = 0; i < 20; i++) {
      cache.put("k", "v" + i);
      while (cache.unwrap(StrataCache.class).storeMetrics().nearHits() <= i) {
        cache.get("k");  // until a copy is held (the put's own invalidation may drop a first one)
      }
      assertThat(endsOnRead.get("k")).isEqualTo("v" + i);  // read, then removed from Redis
      assertThat(cache.get("k")).as("the held copy of a removed entry, round %d", i).isNull();
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void callersGetCopiesTheyCannotChangeTheHeldOneWith() {
    Cache<String, ArrayList<String>> cache = near.createCache("lists",
        (StrataConfiguration<String, ArrayList<String>>) (StrataConfiguration<?, ?>) redis(ArrayList.class, 100)
            .build());
    cache.put("k", new ArrayList<>(Arrays.asList("a", "b")));
    cache.get("k").add("mallory");
    cache.get("k").add("mallory");
    assertThat(cache.get("k")).containsExactly("a", "b");
  }

  @Test
  void aRedisRestartDropsTheCopiesAndTrackingComesBack() throws Exception {
    Cache<String, String> reader = nearCache("restart");
    reader.put("k", "before");
    assertThat(reader.get("k")).isEqualTo("before");
    server.restart();  // empty afterwards: nothing held may survive
    millisUntil(() -> {
      try {
        return String.valueOf(reader.get("k"));
      } catch (CacheException stillDown) {
        return "down";
      }
    }, "null");
    Cache<String, String> writer = plainCache("restart");
    reader.get("k");
    writer.put("k", "after");
    millisUntil(() -> reader.get("k"), "after");
    writer.put("k", "again");
    millisUntil(() -> reader.get("k"), "again");
  }

  @Test
  void aWriteWhileOnlyTheTrackingConnectionIsDownIsNotServedStale() throws Exception {
    Cache<String, String> reader = nearCache("cut");
    Cache<String, String> writer = plainCache("cut");
    for (int round = 0; round < 5; round++) {
      writer.put("k", "before" + round);
      readUntilHeld(reader, "k", "before" + round);
      assertThat(killTrackingClients()).as("tracking connections killed").isEqualTo(1);
      writer.put("k", "after" + round);  // its invalidation goes nowhere: the near cache must flush on resume
      millisUntil(() -> reader.get("k"), "after" + round);
    }
  }

  /** Reads {@code key} until {@code value} is served from memory. */
  private static void readUntilHeld(Cache<String, String> cache, String key, String value) throws Exception {
    millisUntil(() -> cache.get(key), value);
    StrataCache<?, ?> strata = cache.unwrap(StrataCache.class);
    long hits = strata.storeMetrics().nearHits();
    millisUntil(() -> value.equals(cache.get(key)) && strata.storeMetrics().nearHits() > hits, true);
  }

  private static String readOrUnreachable(Cache<String, String> cache, String key) {
    try {
      return String.valueOf(cache.get(key));
    } catch (CacheException unreachable) {
      return "unreachable";
    }
  }

  @Test
  void aTrackingConnectionThatGoesSilentStopsServingFromMemory() throws Exception {
    try (SilentLink link = SilentLink.to(server.port())) {
      Cache<String, String> reader = near.createCache("silent", StrataConfiguration.builder(String.class, String.class)
          .redisUri(link.uri()).nearCacheMaximumSize(100).redisTimeout(java.time.Duration.ofMillis(500)).build());
      Cache<String, String> writer = plainCache("silent");
      writer.put("k", "before");
      readUntilHeld(reader, "k", "before");
      link.goSilent();  // no reset, no close: only a PING can tell
      writer.put("k", "after");  // its invalidation is lost on the way
      millisUntil(() -> readOrUnreachable(reader, "k"), "unreachable");
      link.cut();
      millisUntil(() -> readOrUnreachable(reader, "k"), "after");
      readUntilHeld(reader, "k", "after");
    }
  }

  @Test
  void aUserWhoMayNotPingStillGetsANearCache() throws Exception {
    RedisClient client = RedisClient.create(server.uri());
    try (StatefulRedisConnection<String, String> admin = client.connect()) {
      assertThat(admin.sync().aclSetuser("noping", AclSetuserArgs.Builder.on().addPassword("secret")
          .allKeys().allChannels().allCommands().removeCommand(CommandType.PING)))
          .isEqualTo("OK");
      Cache<String, String> cache = near.createCache("noping", StrataConfiguration.builder(String.class, String.class)
          .redisUri("redis://noping:secret@127.0.0.1:" + server.port()).nearCacheMaximumSize(100)
          .redisTimeout(java.time.Duration.ofMillis(500)).build());
      cache.put("k", "v");
      readUntilHeld(cache, "k", "v");
      millisUntil(() -> refusedPings(admin) >= 2, true);  // the health check was refused twice (NOPERM)
      readUntilHeld(cache, "k", "v");  // a refusal is an answer: the connection is alive
    } finally {
      client.shutdown(0, 1, TimeUnit.SECONDS);
    }
  }

  /** PINGs the ACL refused, from the ACL log (Redis 6 and later). */
  private static long refusedPings(StatefulRedisConnection<String, String> admin) {
    return admin.sync().aclLog().stream().filter(entry -> "ping".equals(entry.get("object")))
        .mapToLong(entry -> ((Number) entry.get("count")).longValue()).sum();
  }

  /** Kills the connections Redis tracks keys for (flag t), leaving the data connections alone. */
  private long killTrackingClients() {
    RedisClient client = RedisClient.create(server.uri());
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      long killed = 0;
      for (String line : connection.sync().clientList().split("\r?\n")) {
        String flags = line.replaceAll(".* flags=(\\S+) .*", "$1");
        if (flags.contains("t")) {
          killed += connection.sync().clientKill(KillArgs.Builder
              .id(Long.parseLong(line.replaceAll("^id=(\\d+) .*", "$1"))));
        }
      }
      return killed;
    } finally {
      client.shutdown(0, 1, TimeUnit.SECONDS);
    }
  }

  @Test
  void preloadingAPatternFillsTheNearCache() {
    Cache<String, String> writer = plainCache("warm");
    for (int i = 0; i < 50; i++) {
      writer.put("p:" + i, "v" + i);
    }
    writer.put("other", "x");
    Cache<String, String> cache = nearCache("warm");
    assertThat(cache.unwrap(StrataCache.class).preload("p:*")).isEqualTo(50);
    long getsBefore = redisGets();
    for (int i = 0; i < 50; i++) {
      assertThat(cache.get("p:" + i)).isEqualTo("v" + i);
    }
    assertThat(redisGets()).as("all 50 served from memory").isEqualTo(getsBefore);
    assertThat(cache.unwrap(StrataCache.class).statistics().getCacheGets()).as("preload is not counted")
        .isEqualTo(0);
  }
}
