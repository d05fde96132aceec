package org.stratacache.jcache.store.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.stratacache.jcache.configuration.RedisUris;
import org.stratacache.jcache.store.StoreAccessException;
import org.stratacache.jcache.store.near.Invalidations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Redis client side of one cache manager: one Lettuce {@link ClientResources} and
 * {@link RedisClient} (plus a {@link RedisClusterClient} per cluster), and one connection per
 * distinct URI its caches use. Created when the first Redis cache is; closing it closes every
 * connection and stops every Lettuce thread.
 *
 * <p>URIs are Lettuce's ({@code redis://}, {@code rediss://}, {@code redis-sentinel://}), plus
 * {@code redis-cluster://host:port,host:port} and {@code rediss-cluster://...} for a Redis Cluster
 * reached through any of the given seed nodes.
 */
public final class RedisConnector implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RedisConnector.class);
  private static final int IO_THREADS = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));

  private final ClientResources resources;
  private final RedisClient client;
  private final Map<String, RedisConnection> connections = new ConcurrentHashMap<>();
  private final List<RedisClusterClient> clusterClients = new ArrayList<>();
  private volatile boolean closed;

  /** Starts the client's resources (event loops); no connection is opened yet. */
  public RedisConnector() {
    this.resources = DefaultClientResources.builder()
        .ioThreadPoolSize(IO_THREADS)
        .computationThreadPoolSize(IO_THREADS)
        // after an outage, be back within a second of Redis answering again
        .reconnectDelay(Delay.exponential(Duration.ofMillis(10), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS))
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
    String masked = RedisUris.mask(uri);
    try {
      RedisConnection connection = RedisUris.isCluster(uri) ? openCluster(uri, masked, timeout)
          : openStandalone(uri, masked, timeout);
      LOG.info("Connected to Redis at {}", masked);
      return connection;
    } catch (IllegalArgumentException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new StoreAccessException("Cannot connect to Redis at " + masked + " within " + timeout + ": "
          + e.getMessage(), e);
    }
  }

  private RedisConnection openStandalone(String uri, String masked, Duration timeout) {
    RedisURI redisUri = RedisUris.parse(uri, timeout);
    client.setOptions(ClientOptions.builder()
        .socketOptions(socketOptions(timeout))
        .timeoutOptions(TimeoutOptions.enabled(timeout))
        // fail at once while disconnected instead of queueing until the timeout
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        .build());
    StatefulRedisConnection<byte[], byte[]> connection = client.connect(ByteArrayCodec.INSTANCE, redisUri);
    return new RedisConnection(masked, connection, connection.async(), timeout);
  }

  private RedisConnection openCluster(String uri, String masked, Duration timeout) {
    RedisClusterClient cluster = RedisClusterClient.create(resources, RedisUris.clusterSeeds(uri, timeout));
    cluster.setOptions(ClusterClientOptions.builder()
        .socketOptions(socketOptions(timeout))
        .timeoutOptions(TimeoutOptions.enabled(timeout))
        // node connections open lazily, so commands must be accepted before they are up (and time out)
        // adaptive refresh (MOVED/ASK, reconnects) is on by default; a periodic refresh catches the rest
        .topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
            .enablePeriodicRefresh(Duration.ofSeconds(30))
            .build())
        .build());
    StatefulRedisClusterConnection<byte[], byte[]> connection;
    try {
      connection = cluster.connect(ByteArrayCodec.INSTANCE);
    } catch (RuntimeException e) {
      cluster.shutdown(Duration.ZERO, Duration.ofSeconds(2));
      throw e;
    }
    synchronized (clusterClients) {
      clusterClients.add(cluster);
    }
    return new RedisConnection(masked, connection, connection.async(), timeout);
  }

  /**
   * Opens a connection of its own on which Redis reports every change to keys under {@code prefix}.
   *
   * @throws IllegalArgumentException for a Redis Cluster (tracking would be needed on every master)
   * @throws StoreAccessException     when Redis cannot be reached or cannot track keys (before Redis 6)
   */
  KeyTracking track(String uri, Duration timeout, String prefix, Invalidations<byte[]> listener) {
    if (RedisUris.isCluster(uri)) {
      throw new IllegalArgumentException("A near cache needs a standalone or Sentinel Redis, not a Redis Cluster");
    }
    String masked = RedisUris.mask(uri);
    try {
      StatefulRedisConnection<byte[], byte[]> connection = client.connect(ByteArrayCodec.INSTANCE,
          RedisUris.parse(uri, timeout));
      return KeyTracking.start(connection, resources, prefix, listener, masked);
    } catch (RuntimeException e) {
      throw new StoreAccessException("Cannot track keys " + prefix + "* at " + masked + " for a near cache (Redis 6 "
          + "or later is needed): " + e.getMessage(), e);
    }
  }

  /**
   * Opens a pub/sub connection of its own for a cache's events: its channel and the expirations of
   * its keys in the URI's database.
   *
   * @throws IllegalArgumentException for a Redis Cluster (keyspace notifications are per node)
   * @throws StoreAccessException     when Redis cannot be reached or refuses to subscribe
   */
  EventSubscription subscribe(String uri, Duration timeout, String namespace, Consumer<byte[]> onEvent,
                              Consumer<byte[]> onExpired) {
    if (RedisUris.isCluster(uri)) {
      throw new IllegalArgumentException("remote-events needs a standalone or Sentinel Redis, not a Redis Cluster");
    }
    String masked = RedisUris.mask(uri);
    RedisConnection commands = connection(uri, timeout);
    try {
      RedisURI redisUri = RedisUris.parse(uri, timeout);
      StatefulRedisPubSubConnection<byte[], byte[]> connection = client.connectPubSub(ByteArrayCodec.INSTANCE,
          redisUri);
      return EventSubscription.start(connection, commands, resources, namespace, redisUri.getDatabase(), onEvent,
          onExpired);
    } catch (RuntimeException e) {
      throw new StoreAccessException("Cannot subscribe to the events of " + namespace + "* at " + masked + ": "
          + e.getMessage(), e);
    }
  }

  private static SocketOptions socketOptions(Duration timeout) {
    return SocketOptions.builder().connectTimeout(timeout).keepAlive(true).build();
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
    synchronized (clusterClients) {
      clusterClients.forEach(cluster -> cluster.shutdown(Duration.ZERO, Duration.ofSeconds(2)));
      clusterClients.clear();
    }
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
