package org.stratacache.bench.peers;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The floor: raw Lettuce on one shared connection, no codec and no JSR-107 rules. Single keys are
 * sync {@code GET}/{@code SET} of the bytes Strata stores for the same value; batches are 100
 * commands pipelined in one flush; the counter is {@code INCR}.
 */
final class LettuceOps implements CacheOps {

  private static final long TIMEOUT_SECONDS = 10;

  private final RedisClient client;
  private final StatefulRedisConnection<byte[], byte[]> connection;
  private final String prefix;
  private final byte[] stored;
  private final Map<String, byte[]> rawKeys = new ConcurrentHashMap<>();

  /**
   * @param prefix what raw keys start with
   * @param stored the bytes every {@code put} writes (what Strata stores for the benchmark value)
   */
  LettuceOps(String uri, String prefix, byte[] stored) {
    this.client = RedisClient.create();
    this.connection = client.connect(ByteArrayCodec.INSTANCE, RedisURI.create(uri));
    this.prefix = prefix;
    this.stored = stored.clone();
  }

  private byte[] raw(String key) {
    return rawKeys.computeIfAbsent(key, k -> (prefix + k).getBytes(StandardCharsets.UTF_8));
  }

  /** The raw bytes under {@code key}, or {@code null}. */
  byte[] read(String key) {
    return connection.sync().get(raw(key));
  }

  @Override
  public String get(String key) {
    byte[] value = connection.sync().get(raw(key));
    return value == null ? null : key;
  }

  @Override
  public void put(String key, String value) {
    connection.sync().set(raw(key), stored);
  }

  @Override
  public Map<String, String> getAll(Set<String> keys) {
    List<RedisFuture<byte[]>> futures = new ArrayList<>(keys.size());
    List<String> order = new ArrayList<>(keys);
    for (String key : order) {
      futures.add(connection.async().get(raw(key)));
    }
    Map<String, String> found = new HashMap<>();
    for (int i = 0; i < order.size(); i++) {
      if (await(futures.get(i)) != null) {
        found.put(order.get(i), order.get(i));
      }
    }
    return found;
  }

  @Override
  public void putAll(Map<String, String> entries) {
    List<RedisFuture<String>> futures = new ArrayList<>(entries.size());
    for (String key : entries.keySet()) {
      futures.add(connection.async().set(raw(key), stored));
    }
    futures.forEach(LettuceOps::await);
  }

  @Override
  public long increment(String key) {
    return connection.sync().incr(raw(key));
  }

  @Override
  public void clear() {
    ScanIterator<byte[]> keys = ScanIterator.scan(connection.sync(),
        ScanArgs.Builder.matches(prefix + "*").limit(1_000));
    while (keys.hasNext()) {
      connection.sync().del(keys.next());
    }
  }

  @Override
  public void close() {
    connection.close();
    client.shutdown();
  }

  private static <T> T await(RedisFuture<T> future) {
    try {
      return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for Redis", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Redis command failed", e);
    }
  }
}
