package org.stratacache.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.IntegerOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stratacache.jcache.StrataCache;
import org.stratacache.jcache.configuration.StoreType;
import org.stratacache.jcache.configuration.StrataConfiguration;
import org.stratacache.testing.redis.RedisServer;

/**
 * The operations chapter's facts, read from a real Redis: the keys, tag sets and channel a cache
 * uses, and what one entry costs in Redis ({@code MEMORY USAGE}) and on the heap. The figures are
 * printed (the chapter cites them) and held to generous bounds.
 */
class OperationsGuideTest {

  private static final int ENTRIES = 2_000;
  private static final String VALUE = "v".repeat(100);

  private static String redisUri;
  private static RedisClient client;
  private static StatefulRedisConnection<byte[], byte[]> connection;
  private static RedisCommands<byte[], byte[]> redis;

  @BeforeAll
  static void connect() {
    redisUri = RedisServer.sharedUri();
    client = RedisClient.create(redisUri);
    connection = client.connect(ByteArrayCodec.INSTANCE);
    redis = connection.sync();
  }

  @AfterAll
  static void disconnect() {
    connection.close();
    client.shutdown();
  }

  private static CacheManager manager(String name) {
    return Caching.getCachingProvider().getCacheManager(URI.create("docs:operations:" + name),
        OperationsGuideTest.class.getClassLoader(), new Properties());
  }

  private static <K> StrataConfiguration.Builder<K, String> onRedis(Class<K> keyType) {
    return StrataConfiguration.builder(keyType, String.class).storeType(StoreType.REDIS).redisUri(redisUri)
        .keyPrefix("shop");
  }

  @Test
  void keysTagsAndChannelOfACache() {
    try (CacheManager manager = manager("keys")) {
      // tag::key-layout[]
      // key-prefix "shop"; caches "orders" (String keys, remote events), "invoices" (Long keys), "reports/2026"
      Cache<String, String> orders = manager.createCache("orders", onRedis(String.class).remoteEvents(true).build());
      Cache<Long, String> invoices = manager.createCache("invoices", onRedis(Long.class).build());
      Cache<String, String> reports = manager.createCache("reports/2026", onRedis(String.class).build());
      orders.put("o-1", VALUE);
      orders.unwrap(StrataCache.class).withTags("customer:42").put("o-2", VALUE);
      invoices.put(42L, VALUE);
      reports.put("q1", VALUE);

      assertThat(keys("shop:*")).containsExactlyInAnyOrder( // as redis-cli --scan --pattern 'shop:*' shows them
          "shop:invoices:l:42",                               // a Long key: type tag l:
          "shop:orders:o-1",                                  // a String key of a String-keyed cache: as it is
          "shop:orders:o-2",
          "shop:orders:\\xFFtag:customer:42",                 // the tag set: byte 0xFF, then tag:<tag>
          "shop:orders:\\xFFsize",                            // each cache's size index: 0xFF, then size
          "shop:invoices:\\xFFsize",
          "shop:reports%2F2026:\\xFFsize",
          "shop:reports%2F2026:q1");                          // the cache name percent-encoded
      assertThat(redis.pubsubChannels("shop:*".getBytes(StandardCharsets.UTF_8)))
          .extracting(channel -> new String(channel, StandardCharsets.UTF_8))
          .containsExactly("shop:orders:events");             // remote events of "orders"
      // end::key-layout[]
      assertThat(orders.unwrap(StrataCache.class).invalidateTag("customer:42")).isEqualTo(1);
      orders.clear();
      invoices.clear();
      reports.clear();
      assertThat(keys("shop:*")).isEmpty();
    }
  }

  @Test
  void redisMemoryPerEntry() {
    try (CacheManager manager = manager("memory")) {
      Cache<String, String> cache = manager.createCache("sizing", onRedis(String.class).build());
      Map<String, String> batch = new HashMap<>();
      for (int i = 0; i < ENTRIES; i++) {
        batch.put("key-" + i, VALUE);
      }
      cache.putAll(batch);
      long total = 0;
      long keyBytes = 0;
      long valueBytes = 0;
      for (String key : keys("shop:sizing:*")) {
        byte[] redisKey = key.getBytes(StandardCharsets.UTF_8);
        if (!key.contains("\\xFF")) {  // entries; the size index is added below
          total += memoryUsage(redisKey);
          keyBytes += redisKey.length;
          valueBytes += redis.strlen(redisKey);
        }
      }
      byte[] index = "shop:sizing:_size".getBytes(StandardCharsets.UTF_8);
      index[12] = (byte) 0xFF;                      // the size index: its share is part of each entry's cost
      total += memoryUsage(index);
      long perEntry = total / ENTRIES;
      long overhead = (total - keyBytes - valueBytes) / ENTRIES;
      System.out.printf(Locale.ROOT, "Redis %s: %d entries of a %d-char String value: %d bytes of MEMORY USAGE per "
              + "entry; key %d B, stored value %d B, Redis's own overhead %d B%n", redisVersion(), ENTRIES,
          VALUE.length(), perEntry, keyBytes / ENTRIES, valueBytes / ENTRIES, overhead);
      assertThat(perEntry).isBetween(valueBytes / ENTRIES, 1_000L);
      cache.clear();
    }
  }

  @Test
  void heapPerEntryOfTheMemoryStore() {
    int entries = 100_000;
    List<String> keys = new ArrayList<>(entries);
    List<String> values = new ArrayList<>(entries);
    for (int i = 0; i < entries; i++) {
      keys.add("key-" + i);
      values.add(VALUE + i);
    }
    try (CacheManager manager = manager("heap")) {
      long before = usedHeap();
      Cache<String, String> cache = manager.createCache("sizing",
          StrataConfiguration.builder(String.class, String.class).maximumSize(entries).build());
      for (int i = 0; i < entries; i++) {
        cache.put(keys.get(i), values.get(i));
      }
      long perEntry = (usedHeap() - before) / entries;
      System.out.printf(Locale.ROOT, "Memory store: %d String entries: about %d bytes of heap per entry beyond the "
          + "key and value objects%n", entries, perEntry);
      assertThat(perEntry).as("heap per entry, beyond keys and values").isBetween(1L, 2_000L);
      assertThat(cache.get(keys.get(0))).isEqualTo(values.get(0));
    }
  }

  private static long usedHeap() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static TreeSet<String> keys(String pattern) {
    TreeSet<String> found = new TreeSet<>();
    ScanCursor cursor = ScanCursor.INITIAL;
    do {
      KeyScanCursor<byte[]> page = redis.scan(cursor,
          ScanArgs.Builder.matches(pattern.getBytes(StandardCharsets.UTF_8)).limit(1_000));
      page.getKeys().forEach(key -> found.add(printable(key)));
      cursor = page;
    } while (!cursor.isFinished());
    return found;
  }

  /** A key as redis-cli prints it: bytes outside printable ASCII as {@code \xHH}. */
  private static String printable(byte[] key) {
    StringBuilder text = new StringBuilder();
    for (byte b : key) {
      int c = b & 0xff;
      text.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format(Locale.ROOT, "\\x%02X", c));
    }
    return text.toString();
  }

  private static long memoryUsage(byte[] key) {
    Long bytes = redis.dispatch(CommandType.MEMORY, new IntegerOutput<>(ByteArrayCodec.INSTANCE),
        new CommandArgs<>(ByteArrayCodec.INSTANCE).add("USAGE").addKey(key).add("SAMPLES").add(0));
    return bytes == null ? 0 : bytes;
  }

  private static String redisVersion() {
    try (StatefulRedisConnection<String, String> text = client.connect(StringCodec.UTF8)) {
      String info = text.sync().info("server");
      return info.lines().filter(line -> line.startsWith("redis_version:")).map(line -> line.substring(14))
          .findFirst().orElse("?");
    }
  }
}
