package org.stratacache.bench.peers;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.IntegerOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.stratacache.bench.Payloads;
import org.stratacache.testing.redis.RedisServer;

/**
 * Redis memory per entry of each Redis-backed contender: fills {@value #ENTRIES} entries of 100 B
 * and of 10 KB, then adds up {@code MEMORY USAGE key SAMPLES 0} over every key the fill created
 * (so a provider that keeps one hash per cache is measured as fairly as one that keeps a key per
 * entry) and divides by the entries. Writes {@code redis-memory.csv} into the directory given as
 * the only argument. Uses {@code REDIS_URL}, or a private server on a free loopback port.
 */
public final class RedisMemoryReport {

  static final int ENTRIES = 2_000;
  private static final int[] SIZES = {100, 10_240};

  private RedisMemoryReport() {
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: RedisMemoryReport <output directory>");
    }
    String uri = RedisServer.sharedUri();
    StringBuilder csv = new StringBuilder("contender,valueSize,entries,bytesPerEntry\n");
    RedisClient client = RedisClient.create();
    try (StatefulRedisConnection<String, String> connection = client.connect(RedisURI.create(uri))) {
      RedisCommands<String, String> redis = connection.sync();
      for (int size : SIZES) {
        for (Contender contender : Contender.values()) {
          if (contender.kind() == Contender.Kind.REDIS) {
            long perEntry = measure(redis, contender, size, uri);
            csv.append(String.format(Locale.ROOT, "%s,%d,%d,%d%n", contender, size, ENTRIES, perEntry));
            System.out.printf(Locale.ROOT, "%-14s %6d B values: %,d bytes of Redis memory per entry%n", contender,
                size, perEntry);
          }
        }
      }
    } finally {
      client.shutdown();
    }
    Path directory = Path.of(args[0]);
    Files.createDirectories(directory);
    Files.writeString(directory.resolve("redis-memory.csv"), csv, StandardCharsets.UTF_8);
  }

  private static long measure(RedisCommands<String, String> redis, Contender contender, int size, String uri) {
    String value = Payloads.json(size, 1);
    Set<String> before = keys(redis);
    try (CacheOps cache = contender.open("memory-" + size, uri, value)) {
      Map<String, String> batch = new HashMap<>();
      for (int i = 0; i < ENTRIES; i++) {
        batch.put("key-" + i, value);
        if (batch.size() == 500) {
          cache.putAll(batch);
          batch.clear();
        }
      }
      long total = 0;
      for (String key : keys(redis)) {
        if (!before.contains(key)) {
          total += memoryUsage(redis, key);
        }
      }
      cache.clear();
      return total / ENTRIES;
    }
  }

  private static Set<String> keys(RedisCommands<String, String> redis) {
    Set<String> keys = new HashSet<>();
    ScanCursor cursor = ScanCursor.INITIAL;
    do {
      KeyScanCursor<String> page = redis.scan(cursor, ScanArgs.Builder.limit(1_000));
      keys.addAll(page.getKeys());
      cursor = page;
    } while (!cursor.isFinished());
    return keys;
  }

  private static long memoryUsage(RedisCommands<String, String> redis, String key) {
    Long bytes = redis.dispatch(CommandType.MEMORY, new IntegerOutput<>(StringCodec.UTF8),
        new CommandArgs<>(StringCodec.UTF8).add("USAGE").addKey(key).add("SAMPLES").add(0));
    return bytes == null ? 0 : bytes;
  }
}
