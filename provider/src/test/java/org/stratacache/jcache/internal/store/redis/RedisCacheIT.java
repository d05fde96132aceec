package org.stratacache.jcache.internal.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.expiry.AccessedExpiryPolicy;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import javax.cache.expiry.ModifiedExpiryPolicy;
import javax.cache.expiry.TouchedExpiryPolicy;
import javax.cache.processor.EntryProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stratacache.jcache.StrataCache;
import org.stratacache.jcache.codec.CodecException;
import org.stratacache.jcache.configuration.CorruptValuePolicy;
import org.stratacache.jcache.configuration.SerializationSettings;
import org.stratacache.jcache.configuration.StrataConfiguration;
import org.stratacache.jcache.internal.codec.KryoSerializer;
import org.stratacache.jcache.internal.codec.ValueCodec;
import org.stratacache.jcache.internal.config.ManagerDefaults;
import org.stratacache.jcache.testing.Concurrently;
import org.stratacache.jcache.testing.ExpectedWarnings;
import org.stratacache.testing.redis.RedisServer;

/** The Redis store through the JCache API, against a real Redis server. */
@ExpectedWarnings("plants corrupt and foreign values in Redis")
class RedisCacheIT {

  private static final Duration ONE_HOUR = Duration.ONE_HOUR;
  private static RawRedis raw;

  private final String prefix = RedisTesting.uniquePrefix();
  private CacheManager managerA;
  private CacheManager managerB;

  @BeforeAll
  static void connectRaw() {
    raw = RawRedis.shared();
  }

  @AfterAll
  static void disconnectRaw() {
    raw.close();
  }

  @BeforeEach
  void openManagers() {
    managerA = manager("test:redis-a");
    managerB = manager("test:redis-b");
  }

  @AfterEach
  void closeManagers() {
    managerA.close();
    managerB.close();
  }

  private CacheManager manager(String name) {
    return RedisTesting.manager(RedisServer.sharedUri(), name + "-" + prefix);
  }

  private <K, V> StrataConfiguration.Builder<K, V> config(Class<K> keys, Class<V> values) {
    return StrataConfiguration.builder(keys, values).keyPrefix(prefix);
  }

  private byte[] redisKey(String cache, String key) {
    return (prefix + ":" + cache + ":" + key).getBytes(StandardCharsets.UTF_8);
  }

  private long pttl(String cache, String key) {
    return raw.sync().pttl(redisKey(cache, key));
  }

  private static boolean containsMark(byte[] key) {
    for (byte b : key) {
      if (b == (byte) 0xFF) {
        return true;
      }
    }
    return false;
  }

  private long countKeys(String pattern) {
    long count = 0;
    ScanCursor cursor = ScanCursor.INITIAL;
    do {
      KeyScanCursor<byte[]> page = raw.sync().scan(cursor,
          ScanArgs.Builder.matches(pattern.getBytes(StandardCharsets.UTF_8)).limit(5000));
      // entries only: a cache's tag sets and size index lie in its namespace behind a 0xFF byte
      count += page.getKeys().stream().filter(key -> !containsMark(key)).count();
      cursor = page;
    } while (!cursor.isFinished());
    return count;
  }

  @Test
  void remainingLifetimeIsThePttlAndNoAccess() {
    StrataCache<String, String> cache = managerA.createCache("remaining", config(String.class, String.class)
        .expiryPolicyFactory(AccessedExpiryPolicy.factoryOf(new Duration(TimeUnit.SECONDS, 10)))
        .statisticsEnabled(true).build()).unwrap(StrataCache.class);
    cache.put("k", "v");
    raw.sync().pexpire(redisKey("remaining", "k"), 9_500);
    long leftMillis = cache.remainingLifetime("k").orElseThrow().toMillis();
    assertThat(leftMillis).isBetween(9_000L, 9_500L);
    assertThat(pttl("remaining", "k")).as("not an access: the 10 s access lifetime was not applied")
        .isLessThanOrEqualTo(9_500);
    assertThat(cache.statistics().getCacheGets()).isZero();
    assertThat(cache.remainingLifetime("absent")).isEmpty();
    raw.sync().persist(redisKey("remaining", "k"));
    assertThat(cache.remainingLifetime("k")).contains(StrataCache.NEVER_EXPIRES);
  }

  @Test
  void twoManagersSeeEachOthersEntriesLifetimesAndRemovals() {
    Cache<String, String> a = managerA.createCache("shared", config(String.class, String.class)
        .expiryPolicyFactory(CreatedExpiryPolicy.factoryOf(ONE_HOUR)).build());
    Cache<String, String> b = managerB.createCache("shared", config(String.class, String.class)
        .expiryPolicyFactory(CreatedExpiryPolicy.factoryOf(ONE_HOUR)).build());
    a.put("session", "alice");
    assertThat(b.get("session")).isEqualTo("alice");
    assertThat(pttl("shared", "session")).isBetween(3_590_000L, 3_600_000L);
    b.put("session", "bob");
    assertThat(a.get("session")).isEqualTo("bob");
    assertThat(pttl("shared", "session")).as("an update keeps the creation TTL").isBetween(3_590_000L, 3_600_000L);
    assertThat(b.remove("session")).isTrue();
    assertThat(a.containsKey("session")).isFalse();
  }

  @Test
  void everyStandardPolicyBecomesTheEntrysOwnRedisTtl() {
    Cache<String, String> created = managerA.createCache("created", config(String.class, String.class)
        .expiryPolicyFactory(CreatedExpiryPolicy.factoryOf(ONE_HOUR)).build());
    Cache<String, String> accessed = managerA.createCache("accessed", config(String.class, String.class)
        .expiryPolicyFactory(AccessedExpiryPolicy.factoryOf(new Duration(TimeUnit.MINUTES, 5))).build());
    Cache<String, String> modified = managerA.createCache("modified", config(String.class, String.class)
        .expiryPolicyFactory(ModifiedExpiryPolicy.factoryOf(new Duration(TimeUnit.MINUTES, 5))).build());
    Cache<String, String> touched = managerA.createCache("touched", config(String.class, String.class)
        .expiryPolicyFactory(TouchedExpiryPolicy.factoryOf(new Duration(TimeUnit.MINUTES, 5))).build());
    Cache<String, String> eternal = managerA.createCache("eternal", config(String.class, String.class).build());

    created.put("k", "v");
    raw.sync().pexpire(redisKey("created", "k"), 1_000_000);
    created.get("k");
    assertThat(pttl("created", "k")).as("a read does not touch a created policy").isLessThanOrEqualTo(1_000_000);

    accessed.put("k", "v");
    raw.sync().pexpire(redisKey("accessed", "k"), 10_000);
    assertThat(accessed.get("k")).isEqualTo("v");
    assertThat(pttl("accessed", "k")).as("GETEX extends on access").isGreaterThan(290_000);
    raw.sync().pexpire(redisKey("accessed", "k"), 10_000);
    accessed.put("k", "v2");
    assertThat(pttl("accessed", "k")).as("KEEPTTL on update").isLessThanOrEqualTo(10_000);

    modified.put("k", "v");
    raw.sync().pexpire(redisKey("modified", "k"), 10_000);
    modified.get("k");
    assertThat(pttl("modified", "k")).isLessThanOrEqualTo(10_000);
    modified.replace("k", "v2");
    assertThat(pttl("modified", "k")).as("an update resets a modified policy").isGreaterThan(290_000);

    touched.put("k", "v");
    raw.sync().pexpire(redisKey("touched", "k"), 10_000);
    touched.get("k");
    assertThat(pttl("touched", "k")).isGreaterThan(290_000);

    eternal.put("k", "v");
    assertThat(pttl("eternal", "k")).isEqualTo(-1);

    Cache<String, String> zero = managerA.createCache("zero", config(String.class, String.class)
        .expiryPolicyFactory(CreatedExpiryPolicy.factoryOf(Duration.ZERO)).build());
    zero.put("k", "v");
    assertThat(pttl("zero", "k")).as("Duration.ZERO stores nothing").isEqualTo(-2);
  }

  @Test
  void entryProcessorIsAtomicAcrossManagers() throws Exception {
    EntryProcessor<String, Long, Long> increment = (entry, args) -> {
      long next = entry.exists() ? entry.getValue() + 1 : 1;
      entry.setValue(next);
      return next;
    };
    Cache<String, Long> a = managerA.createCache("counters", config(String.class, Long.class).build());
    Cache<String, Long> b = managerB.createCache("counters", config(String.class, Long.class).build());
    List<Runnable> tasks = new ArrayList<>();
    for (Cache<String, Long> cache : List.of(a, b)) {
      for (int t = 0; t < 4; t++) {
        tasks.add(() -> cache.invoke("counter", increment));
      }
    }
    Concurrently.run(tasks, 10_000);
    assertThat(a.get("counter")).isEqualTo(80_000L);
    assertThat(a.unwrap(StrataCache.class).storeMetrics().casRetries()
        + b.unwrap(StrataCache.class).storeMetrics().casRetries()).as("contention really happened").isPositive();
  }

  @Test
  void hundredThousandKeysInBulkAndClearTouchesOnlyItsOwnCache() {
    Cache<Integer, String> big = managerA.createCache("big", config(Integer.class, String.class).build());
    Cache<Integer, String> neighbour = managerA.createCache("big-neighbour", config(Integer.class, String.class)
        .build());
    Map<Integer, String> entries = new HashMap<>();
    for (int i = 0; i < 100_000; i++) {
      entries.put(i, "value-" + i);
    }
    big.putAll(entries);
    neighbour.putAll(Map.of(1, "one", 2, "two"));
    Map<Integer, String> read = big.getAll(entries.keySet());
    assertThat(read).hasSize(100_000).isEqualTo(entries);
    assertThat(countKeys(prefix + ":big:*")).isEqualTo(100_000);
    big.clear();
    assertThat(countKeys(prefix + ":big:*")).isZero();
    assertThat(neighbour.getAll(Set.of(1, 2))).hasSize(2);
  }

  @Test
  void foreignValueIsReportedNamingTheKey() {
    Cache<String, String> cache = managerA.createCache("foreign", config(String.class, String.class).build());
    raw.sync().set(redisKey("foreign", "k"), "written by another program".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> cache.get("k"))
        .isExactlyInstanceOf(CodecException.class)
        .isInstanceOf(CacheException.class)
        .hasMessageContaining("key 'k'").hasMessageContaining("'foreign'").hasMessageContaining("format version");
    assertThat(cache.unwrap(StrataCache.class).storeMetrics().decodeFailures()).isEqualTo(1);
  }

  @Test
  void corruptBytesAreReportedAndCanCountAsMisses() {
    Cache<String, String> strict = managerA.createCache("corrupt", config(String.class, String.class).build());
    strict.put("k", "a perfectly fine value");
    byte[] bytes = raw.sync().get(redisKey("corrupt", "k"));
    byte[] broken = Arrays.copyOf(bytes, bytes.length - 5);
    broken[2] = 0x7f;
    raw.sync().set(redisKey("corrupt", "k"), broken);
    assertThatThrownBy(() -> strict.get("k")).isInstanceOf(CacheException.class)
        .hasMessageContaining("key 'k'").hasNoSuppressedExceptions();

    Cache<String, String> lenient = managerB.createCache("corrupt", config(String.class, String.class)
        .corruptValuePolicy(CorruptValuePolicy.MISS).statisticsEnabled(true).build());
    assertThat(lenient.get("k")).isNull();
    assertThat(lenient.unwrap(StrataCache.class).storeMetrics().decodeFailures()).isEqualTo(1);
    lenient.put("k", "repaired");
    assertThat(strict.get("k")).isEqualTo("repaired");
  }

  @Test
  void valueOfTheWrongTypeIsReportedNotCast() {
    Cache<String, Object> objects = managerA.createCache("typed", config(String.class, Object.class).build());
    objects.put("k", 42L);
    Cache<String, String> strings = managerB.createCache("typed", config(String.class, String.class).build());
    assertThatThrownBy(() -> strings.get("k")).isInstanceOf(CacheException.class)
        .hasMessageContaining("java.lang.Long").hasMessageContaining("java.lang.String");
  }

  @Test
  void classNotAllowedFailsThePutSayingHowToAllowIt() {
    Cache<String, Object> refusing = managerA.createCache("orders", config(String.class, Object.class).build());
    assertThatThrownBy(() -> refusing.put("o-1", new Order("o-1", 3)))
        .isInstanceOf(CacheException.class)
        .hasMessageContaining(Order.class.getName())
        .hasMessageContaining("register(").hasMessageContaining("allowPackage(\"org.stratacache.jcache.internal.store.redis\")");
    assertThat(refusing.containsKey("o-1")).isFalse();

    Cache<String, Object> allowing = managerB.createCache("orders", config(String.class, Object.class)
        .serialization(SerializationSettings.none().register(Order.class, 100)).build());
    allowing.put("o-1", new Order("o-1", 3));
    assertThat(allowing.get("o-1")).isEqualTo(new Order("o-1", 3));
    assertThatThrownBy(() -> refusing.get("o-1")).as("a reader that does not allow the class refuses it")
        .isInstanceOf(CacheException.class);
  }

  @Test
  void theDeclaredValueTypeIsAllowedWithTheCache() {
    Cache<String, Order> orders = managerA.createCache("typed-orders", config(String.class, Order.class).build());
    orders.put("o-1", new Order("o-1", 3));
    assertThat(managerB.createCache("typed-orders", config(String.class, Order.class).build()).get("o-1"))
        .isEqualTo(new Order("o-1", 3));
  }

  @Test
  void aDeclaredValueHoldingAClassNotAllowedFailsCreateCacheNamingBothFixes() {
    assertThatThrownBy(() -> managerA.createCache("shipments", config(String.class, Shipment.class).build()))
        .hasMessageContaining(Order.class.getName()).hasMessageContaining("allowClass(")
        .hasMessageContaining("serialization.allowed-packages")
        .hasMessageContaining("strata.serialization.allowed-packages");
    assertThat(managerA.<Object, Object>getCache("shipments")).isNull();
    Cache<String, Shipment> shipments = managerA.createCache("shipments", config(String.class, Shipment.class)
        .serialization(SerializationSettings.none().allowClass(Order.class)).build());
    shipments.put("s-1", new Shipment("s-1", new Order("o-1", 3)));
    assertThat(shipments.get("s-1")).isEqualTo(new Shipment("s-1", new Order("o-1", 3)));
  }

  @Test
  void unreachableRedisFailsCreateCacheInTimeNamingTheMaskedUri() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    String uri = "redis://app:s3cret@127.0.0.1:" + closedPort + "/0";
    long start = System.nanoTime();
    assertThatThrownBy(() -> managerA.createCache("unreachable", config(String.class, String.class)
        .redisUri(uri).redisTimeout(java.time.Duration.ofMillis(500)).build()))
        .isInstanceOf(CacheException.class)
        .hasMessageContaining("redis://app:****@127.0.0.1:" + closedPort)
        .hasMessageContaining("resilience: local-fallback").hasMessageContaining("miss")
        .hasMessageNotContaining("s3cret");
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(5_000);
    assertThat(managerA.<Object, Object>getCache("unreachable")).isNull();
  }

  @Test
  void conditionalOperationsCompareValuesNotTheirBytes() {
    Cache<String, HashSet> sets = managerA.createCache("sets", config(String.class, HashSet.class)
        .build());
    HashSet<Integer> oneThenSeventeen = new HashSet<>();
    oneThenSeventeen.add(1);
    oneThenSeventeen.add(17);
    HashSet<Integer> seventeenThenOne = new HashSet<>();
    seventeenThenOne.add(17);
    seventeenThenOne.add(1);
    assertThat(oneThenSeventeen).isEqualTo(seventeenThenOne);
    sets.put("k", oneThenSeventeen);
    assertThat(raw.sync().get(redisKey("sets", "k"))).as("same bucket, other order: other bytes")
        .isNotEqualTo(new ValueCodec(new KryoSerializer(
            getClass().getClassLoader(), SerializationSettings.none()), 1000, 6).encode(seventeenThenOne));
    HashSet<Integer> replacement = new HashSet<>(List.of(2));
    assertThat(sets.replace("k", seventeenThenOne, replacement)).isTrue();
    assertThat(sets.get("k")).isEqualTo(replacement);
    sets.put("k", oneThenSeventeen);
    assertThat(sets.remove("k", seventeenThenOne)).isTrue();
    assertThat(sets.containsKey("k")).isFalse();
    sets.put("k", oneThenSeventeen);
    assertThat(sets.remove("k", replacement)).as("a real mismatch").isFalse();
  }

  @Test
  void anUnreadableValueCountedAsAMissIsRemovedSoItCanBeReplaced() {
    Cache<String, String> cache = managerA.createCache("healing", config(String.class, String.class)
        .corruptValuePolicy(CorruptValuePolicy.MISS).build());
    raw.sync().set(redisKey("healing", "k"), "garbage".getBytes(StandardCharsets.UTF_8));
    assertThat(cache.get("k")).isNull();
    assertThat(cache.containsKey("k")).isFalse();
    assertThat(cache.putIfAbsent("k", "good")).isTrue();
  }

  @Test
  void tagSetsDropMembersPastTheirDeadline() throws Exception {
    Cache<String, String> cache = managerA.createCache("tagged", config(String.class, String.class).build());
    StrataCache<String, String> brief = cache.unwrap(StrataCache.class)
        .withExpiryPolicy(new CreatedExpiryPolicy(new Duration(TimeUnit.MILLISECONDS, 100))).withTags("t");
    for (int i = 0; i < 20; i++) {
      brief.put("old-" + i, "v");
    }
    Thread.sleep(250);
    cache.unwrap(StrataCache.class).withTags("t").put("new", "v");
    byte[] namespace = (prefix + ":tagged:").getBytes(StandardCharsets.UTF_8);
    byte[] tagKey = Arrays.copyOf(namespace, namespace.length + 6);
    tagKey[namespace.length] = (byte) 0xFF;
    System.arraycopy("tag:t".getBytes(StandardCharsets.UTF_8), 0, tagKey, namespace.length + 1, 5);
    assertThat(raw.sync().zcard(tagKey)).as("expired members were dropped").isEqualTo(1);
    assertThat(raw.sync().pttl(tagKey)).as("the tag lives as long as its longest-lived member").isEqualTo(-1);
    assertThat(cache.unwrap(StrataCache.class).invalidateTag("t")).isEqualTo(1);
  }

  @Test
  void scriptsSurviveAServerThatForgotThem() {
    Cache<String, String> cache = managerA.createCache("scripts", config(String.class, String.class)
        .expiryPolicyFactory(CreatedExpiryPolicy.factoryOf(ONE_HOUR)).build());
    cache.put("k", "v1");
    raw.sync().scriptFlush();
    cache.put("k", "v2");
    assertThat(cache.replace("k", "v2", "v3")).as("EVALSHA hit NOSCRIPT and fell back to EVAL").isTrue();
    assertThat(cache.get("k")).isEqualTo("v3");
  }

  @Test
  void patternOperationsStayInsideTheCachesNamespace() {
    Cache<String, String> users = managerA.createCache("users", config(String.class, String.class).build());
    Cache<String, String> other = managerA.createCache("users-archive", config(String.class, String.class).build());
    users.putAll(Map.of("user:1", "a", "user:2", "b", "admin:1", "c"));
    other.putAll(Map.of("user:1", "x", "user:3", "y"));
    StrataCache<String, String> strata = users.unwrap(StrataCache.class);
    assertThat(strata.keys("user:*")).containsExactlyInAnyOrder("user:1", "user:2");
    assertThat(strata.keys("*")).hasSize(3);
    assertThat(strata.invalidatePattern("user:*")).isEqualTo(2);
    assertThat(users.containsKey("admin:1")).isTrue();
    assertThat(other.containsKey("user:1")).isTrue();
    assertThat(other.containsKey("user:3")).isTrue();
  }

  @Test
  void closingTheManagerStopsEveryLettuceAndStrataThread() throws Exception {
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    CacheManager manager = manager("test:threads");
    Cache<String, String> cache = manager.createCache("threads", config(String.class, String.class).build());
    cache.put("k", "v");
    manager.close();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    List<String> leaked;
    do {
      leaked = new ArrayList<>();
      for (Thread thread : Thread.getAllStackTraces().keySet()) {
        if (!before.contains(thread) && thread.isAlive()
            && (thread.getName().startsWith("lettuce-") || thread.getName().startsWith("strata-"))) {
          leaked.add(thread.getName());
        }
      }
      Thread.sleep(50);
    } while (!leaked.isEmpty() && System.nanoTime() < deadline);
    assertThat(leaked).isEmpty();
  }

  @Test
  void withoutAnyRedisUriCachesStayInMemory() {
    CacheManager plain = Caching.getCachingProvider().getCacheManager(URI.create("test:memory-" + prefix),
        getClass().getClassLoader());
    try {
      Cache<String, String> cache = plain.createCache("plain", config(String.class, String.class).build());
      cache.put("k", "v");
      assertThat(pttl("plain", "k")).isEqualTo(-2);
      assertThat(cache.unwrap(StrataCache.class).estimatedSize()).isEqualTo(1);
    } finally {
      plain.close();
    }
  }

  /** A value holding an {@link Order}: a cache of shipments needs {@code Order} allowed. */
  public record Shipment(String id, Order order) {
  }

  /** A value class that must be registered or allowed before it may go to Redis, unless a cache declares it. */
  public record Order(String id, int quantity) {
  }
}
