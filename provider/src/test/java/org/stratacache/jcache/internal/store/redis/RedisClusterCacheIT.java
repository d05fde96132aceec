package org.stratacache.jcache.internal.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.Serializable;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.expiry.AccessedExpiryPolicy;
import javax.cache.expiry.Duration;
import javax.cache.expiry.ExpiryPolicy;
import javax.cache.processor.EntryProcessorResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stratacache.jcache.StrataCache;
import org.stratacache.jcache.configuration.ManagerDefaults;
import org.stratacache.jcache.configuration.StrataConfiguration;
import org.stratacache.testing.redis.RedisCluster;
import org.stratacache.testing.redis.RedisServer;

/**
 * Every cache operation that spans keys, through the JCache API on a three-master Redis Cluster:
 * the keys of one cache land on every master, and bulk reads and writes, iteration, clear, pattern
 * operations and tags must reach them all. Each master is checked with a raw client of its own.
 */
class RedisClusterCacheIT {

  private static final int KEYS = 900;
  private static RedisCluster cluster;
  private static RedisClient rawClient;

  private final String prefix = RedisTesting.uniquePrefix();
  private CacheManager manager;

  @BeforeAll
  static void startCluster() {
    cluster = RedisCluster.start(3);
    rawClient = RedisClient.create();
  }

  @AfterAll
  static void stopCluster() {
    rawClient.shutdown();
    cluster.close();
  }

  @BeforeEach
  void openManager() {
    Properties properties = new Properties();
    properties.setProperty(ManagerDefaults.REDIS_URI, cluster.uri());
    manager = Caching.getCachingProvider().getCacheManager(URI.create("test:cluster-" + prefix),
        getClass().getClassLoader(), properties);
  }

  @AfterEach
  void closeManager() {
    manager.close();
  }

  private <K, V> Cache<K, V> cache(String name, Class<K> keys, Class<V> values) {
    return manager.createCache(name, StrataConfiguration.builder(keys, values).keyPrefix(prefix).build());
  }

  private static Map<String, String> entries(String keyPrefix, int count) {
    Map<String, String> entries = new LinkedHashMap<>();
    IntStream.range(0, count).forEach(i -> entries.put(keyPrefix + i, "v" + i));
    return entries;
  }

  /** How many Redis keys under {@code cache}'s namespace each master holds, scanned on each master itself. */
  private List<Long> keysPerMaster(String cache) {
    List<Long> counts = new ArrayList<>();
    for (RedisServer master : cluster.nodes()) {
      try (StatefulRedisConnection<String, String> connection = rawClient.connect(RedisURI.create(master.uri()))) {
        long count = 0;
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
          KeyScanCursor<String> page = connection.sync().scan(cursor,
              ScanArgs.Builder.matches(prefix + ":" + cache + ":*").limit(1000));
          count += page.getKeys().size();
          cursor = page;
        } while (!cursor.isFinished());
        counts.add(count);
      }
    }
    return counts;
  }

  @Test
  void bulkOperationsIterationAndClearReachEveryMaster() {
    Cache<String, String> cache = cache("bulk", String.class, String.class);
    Map<String, String> all = entries("k", KEYS);
    cache.putAll(all);
    List<Long> spread = keysPerMaster("bulk");
    assertThat(spread).as("one putAll wrote to every master").allMatch(count -> count > 0);
    assertThat(spread.stream().mapToLong(Long::longValue).sum()).isEqualTo(KEYS);

    assertThat(cache.getAll(all.keySet())).isEqualTo(all);
    Map<String, String> iterated = new HashMap<>();
    cache.forEach(entry -> iterated.put(entry.getKey(), entry.getValue()));
    assertThat(iterated).isEqualTo(all);

    Set<String> third = all.keySet().stream().limit(KEYS / 3).collect(Collectors.toSet());
    cache.removeAll(third);
    assertThat(cache.getAll(all.keySet())).hasSize(KEYS - third.size()).doesNotContainKeys(third.toArray(String[]::new));

    cache.removeAll();
    assertThat(keysPerMaster("bulk")).containsOnly(0L);

    cache.putAll(all);
    cache.clear();
    assertThat(keysPerMaster("bulk")).containsOnly(0L);
    assertThat(cache.iterator().hasNext()).isFalse();
  }

  @Test
  void iteratorRemoveAndNonStringKeysWorkAcrossSlots() {
    Cache<Long, String> cache = cache("longs", Long.class, String.class);
    Map<Long, String> all = new HashMap<>();
    for (long i = 0; i < 300; i++) {
      all.put(i, "v" + i);
    }
    cache.putAll(all);
    assertThat(keysPerMaster("longs")).allMatch(count -> count > 0);
    int removed = 0;
    for (var iterator = cache.iterator(); iterator.hasNext(); ) {
      if (iterator.next().getKey() % 2 == 0) {
        iterator.remove();
        removed++;
      }
    }
    assertThat(removed).isEqualTo(150);
    Set<Long> left = new TreeSet<>();
    cache.forEach(entry -> left.add(entry.getKey()));
    assertThat(left).hasSize(150).allMatch(key -> key % 2 == 1);
  }

  @Test
  void patternOperationsScanEveryMaster() {
    Cache<String, String> cache = cache("patterns", String.class, String.class);
    cache.putAll(entries("user:", 300));
    cache.putAll(entries("admin:", 60));
    StrataCache<String, String> strata = cache.unwrap(StrataCache.class);
    assertThat(strata.keys("user:*")).hasSize(300);
    assertThat(strata.keys("*")).hasSize(360);
    assertThat(strata.invalidatePattern("user:*")).isEqualTo(300);
    assertThat(keysPerMaster("patterns").stream().mapToLong(Long::longValue).sum()).isEqualTo(60);
    assertThat(strata.keys("*")).hasSize(60).allMatch(key -> key.startsWith("admin:"));
  }

  @Test
  void aTagSpansEntriesOnEveryMaster() {
    Cache<String, String> cache = cache("tags", String.class, String.class);
    StrataCache<String, String> strata = cache.unwrap(StrataCache.class);
    StrataCache<String, String> tagged = strata.withTags("promo");
    entries("tagged:", 300).forEach(tagged::put);
    cache.putAll(entries("plain:", 30));
    assertThat(keysPerMaster("tags")).allMatch(count -> count > 0);
    assertThat(strata.invalidateTag("promo")).isEqualTo(300);
    assertThat(strata.keys("*")).hasSize(30).allMatch(key -> key.startsWith("plain:"));
    assertThat(strata.invalidateTag("promo")).isZero();
  }

  @Test
  void perEntryExpiryAndEntryProcessorsWorkKeyByKeyAcrossSlots() {
    Cache<String, String> accessed = manager.createCache("accessed", StrataConfiguration.builder(String.class,
        String.class).keyPrefix(prefix).expiryPolicyFactory(AccessedExpiryPolicy.factoryOf(Duration.ONE_HOUR))
        .build());
    Map<String, String> all = entries("a", 300);
    accessed.putAll(all);
    assertThat(accessed.getAll(all.keySet())).as("GETEX on every master").isEqualTo(all);

    Cache<String, String> custom = manager.createCache("custom", StrataConfiguration.builder(String.class,
        String.class).keyPrefix(prefix).expiryPolicyFactory(FactoryBuilder.factoryOf(new TenMinutesThenKeep()))
        .build());
    custom.putAll(all);
    assertThat(keysPerMaster("custom")).as("compare-and-set scripts on every master").allMatch(count -> count > 0);
    Map<String, EntryProcessorResult<Integer>> lengths = custom.invokeAll(all.keySet(), (entry, arguments) -> {
      entry.setValue(entry.getValue() + "!");
      return entry.getValue().length();
    });
    assertThat(lengths).hasSize(300);
    assertThat(custom.getAll(all.keySet())).allSatisfy((key, value) -> assertThat(value).isEqualTo(all.get(key) + "!"));
    assertThat(custom.replace("a7", "v7!", "seven")).isTrue();
    assertThat(custom.remove("a8", "v8!")).isTrue();
    assertThat(custom.get("a7")).isEqualTo("seven");
    assertThat(custom.containsKey("a8")).isFalse();
  }

  /** Not a standard policy, so every write goes through the compare-and-set path. */
  public static final class TenMinutesThenKeep implements ExpiryPolicy, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public Duration getExpiryForCreation() {
      return new Duration(TimeUnit.MINUTES, 10);
    }

    @Override
    public Duration getExpiryForAccess() {
      return null;
    }

    @Override
    public Duration getExpiryForUpdate() {
      return null;
    }
  }
}
