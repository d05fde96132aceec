package org.stratacache.jcache.store.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.stratacache.jcache.store.StoreAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Redis client side of one cache manager: one Lettuce {@link ClientResources} and
 * {@link RedisClient}, and one connection per distinct URI its caches use. Created when the first
 * Redis cache is; closing it closes every connection and stops every Lettuce thread.
 */
public final class RedisConnector implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RedisConnector.class);
  private static final int IO_THREADS = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));

  private final ClientResources resources;
  private final RedisClient client;
  private final Map<String, RedisConnection> connections = new ConcurrentHashMap<>();
  private volatile boolean closed;

  /** Starts the client's resources (event loops); no connection is opened yet. */
  public RedisConnector() {
    this.resources = DefaultClientResources.builder()
        .ioThreadPoolSize(IO_THREADS)
        .computationThreadPoolSize(IO_THREADS)
        .build();
    this.client = RedisClient.create(resources);
  }

  /**
   * The connection to {@code uri}, opened on first use.
   *
   * @throws IllegalArgumentException when the URI is malformed
   * @throws StoreAccessException     naming the masked URI when Redis cannot be reached in time
   */
  RedisConnection connection(String uri, Duration timeout) {
    if (closed) {
      throw new IllegalStateException("The Redis connector is closed");
    }
    RedisConnection existing = connections.get(uri);
    if (existing != null) {
      return existing;
    }
    synchronized (connections) {
      return connections.computeIfAbsent(uri, ignored -> open(uri, timeout));
    }
  }

  private RedisConnection open(String uri, Duration timeout) {
    RedisURI redisUri = RedisUris.parse(uri, timeout);
    String masked = RedisUris.mask(uri);
    client.setOptions(ClientOptions.builder()
        .socketOptions(SocketOptions.builder().connectTimeout(timeout).keepAlive(true).build())
        .timeoutOptions(TimeoutOptions.enabled(timeout))
        .build());
    try {
      StatefulRedisConnection<byte[], byte[]> connection = client.connect(ByteArrayCodec.INSTANCE, redisUri);
      LOG.info("Connected to Redis at {}", masked);
      return new RedisConnection(masked, connection, timeout);
    } catch (RuntimeException e) {
      throw new StoreAccessException("Cannot connect to Redis at " + masked + " within " + timeout + ": "
          + e.getMessage(), e);
    }
  }

  /** The Lettuce client, for advanced use through {@code CacheManager.unwrap}. */
  public RedisClient client() {
    return client;
  }

  /** The Lettuce resources (event loops, metrics), for advanced use through {@code CacheManager.unwrap}. */
  public ClientResources resources() {
    return resources;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    List<RedisConnection> open;
    synchronized (connections) {
      open = new ArrayList<>(connections.values());
      connections.clear();
    }
    open.forEach(RedisConnection::close);
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    try {
      resources.shutdown(0, 2, TimeUnit.SECONDS).get(3, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      LOG.warn("Lettuce resources did not shut down cleanly", e);
    }
  }
}
