package org.stratacache.jcache.internal.store.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stratacache.jcache.configuration.RedisTlsSettings;
import org.stratacache.jcache.internal.store.near.Invalidations;
import org.stratacache.jcache.store.StoreAccessException;
import org.stratacache.jcache.store.StoreSecurityException;

/**
 * The Redis client side of one cache manager: one Lettuce {@link ClientResources} and
 * {@link RedisClient} (plus a {@link RedisClusterClient} per cluster), and one connection per
 * distinct URI and TLS settings its caches use (a {@link RedisClient} of its own for each distinct set
 * of TLS settings, since Lettuce keeps TLS options per client). Created when the first Redis cache
 * is; closing it closes every connection and stops every Lettuce thread.
 *
 * <p>Each connection is to a {@link RedisEndpoint}: a URI of Lettuce's ({@code redis://},
 * {@code rediss://}, {@code redis-sentinel://}), or {@code redis-cluster://host:port,host:port} and
 * {@code rediss-cluster://...} for a Redis Cluster reached through any of the given seed nodes.
 */
public final class RedisConnector implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RedisConnector.class);
  private static final int IO_THREADS = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));

  private final ClientResources resources;
  private final RedisClient client;
  private final Map<RedisTlsSettings, RedisClient> tlsClients = new ConcurrentHashMap<>();
  private final Map<Object, RedisConnection> connections = new ConcurrentHashMap<>();
  private final Map<Object, RedisClusterClient> clusterClients = new ConcurrentHashMap<>();
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
   * The connection to {@code endpoint}, opened on first use (shared by the endpoints with the same
   * URI and TLS settings).
   *
   * @throws StoreSecurityException   naming the masked URI when Redis refuses the credentials or the
   *                                  server certificate is not trusted
   * @throws StoreAccessException     naming the masked URI when Redis cannot be reached in time
   */
  RedisConnection connection(RedisEndpoint endpoint) {
    if (closed) {
      throw new IllegalStateException("The Redis connector is closed");
    }
    Object key = endpoint.connectionKey();
    RedisConnection existing = connections.get(key);
    if (existing != null) {
      return existing;
    }
    synchronized (connections) {
      return connections.computeIfAbsent(key, ignored -> open(endpoint));
    }
  }

  private RedisConnection open(RedisEndpoint endpoint) {
    for (int attempt = 1; ; attempt++) {
      try {
        RedisConnection connection = endpoint.isCluster() ? openCluster(endpoint) : openStandalone(endpoint);
        LOG.info("Connected to Redis at {}", endpoint.masked());
        return connection;
      } catch (IllegalArgumentException e) {
        throw e;
      } catch (RuntimeException e) {
        // Lettuce sometimes reports a refused handshake (wrong password) only as the channel closing;
        // a second attempt, as quick as the first, almost always shows the reason
        if (attempt > 1 || !ConnectFailures.closedDuringHandshake(e)) {
          throw ConnectFailures.connect(e, endpoint.masked(), endpoint.timeout());
        }
      }
    }
  }

  private RedisConnection openStandalone(RedisEndpoint endpoint) {
    Duration timeout = endpoint.timeout();
    RedisClient standalone = client(endpoint.tlsSettings());
    standalone.setOptions(standaloneOptions(endpoint));
    StatefulRedisConnection<byte[], byte[]> connection = standalone.connect(ByteArrayCodec.INSTANCE,
        endpoint.redisUri());
    return new RedisConnection(endpoint.masked(), connection, connection.async(), timeout);
  }

  private static ClientOptions standaloneOptions(RedisEndpoint endpoint) {
    Duration timeout = endpoint.timeout();
    ClientOptions.Builder options = ClientOptions.builder()
        .socketOptions(socketOptions(timeout))
        .timeoutOptions(TimeoutOptions.enabled(timeout))
        // fail at once while disconnected instead of queueing until the timeout
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    if (endpoint.usesTls()) {
      options.sslOptions(endpoint.sslOptions());
    }
    return options.build();
  }

  /** The client for connections with these TLS settings: the shared one for the defaults. */
  private RedisClient client(RedisTlsSettings tls) {
    return tls.isConfigured() ? tlsClients.computeIfAbsent(tls, ignored -> RedisClient.create(resources)) : client;
  }

  private RedisConnection openCluster(RedisEndpoint endpoint) {
    Duration timeout = endpoint.timeout();
    RedisClusterClient cluster = RedisClusterClient.create(resources, endpoint.clusterSeeds());
    cluster.setOptions(ClusterClientOptions.builder()
        .socketOptions(socketOptions(timeout))
        .timeoutOptions(TimeoutOptions.enabled(timeout))
        .sslOptions(endpoint.sslOptions())
        // node connections open lazily, so commands must be accepted before they are up (and time out)
        .topologyRefreshOptions(clusterTopologyRefresh())
        .build());
    StatefulRedisClusterConnection<byte[], byte[]> connection;
    try {
      connection = cluster.connect(ByteArrayCodec.INSTANCE);
    } catch (RuntimeException e) {
      cluster.shutdown(Duration.ZERO, Duration.ofSeconds(2));
      throw e;
    }
    clusterClients.put(endpoint.connectionKey(), cluster);
    return new RedisConnection(endpoint.masked(), connection, connection.async(), timeout);
  }

  /**
   * Adaptive refresh on every trigger (MOVED/ASK, uncovered slot, unknown node, five failed
   * reconnects to a node: a dead master), named here rather than left to Lettuce's defaults, which
   * were none before Lettuce 6.x. At most one adaptive refresh per second: the first, right after a
   * master dies, still sees it owning its slots, and the one after its replica's promotion must not
   * wait Lettuce's default 5 s. A periodic refresh catches what no command trips over.
   */
  static ClusterTopologyRefreshOptions clusterTopologyRefresh() {
    return ClusterTopologyRefreshOptions.builder()
        .enableAllAdaptiveRefreshTriggers()
        .adaptiveRefreshTriggersTimeout(Duration.ofSeconds(1))
        .enablePeriodicRefresh(Duration.ofSeconds(30))
        .build();
  }

  /**
   * Opens a connection of its own on which Redis reports every change to keys under {@code prefix}
   * (on a Redis Cluster, one to every master, following the topology).
   *
   * @throws StoreAccessException     when Redis cannot be reached or cannot track keys (before Redis 6)
   */
  AutoCloseable track(RedisEndpoint endpoint, String prefix, Invalidations<byte[]> listener) {
    if (endpoint.isCluster()) {
      connection(endpoint);  // the cluster client, whose topology the tracking follows
      RedisClient nodes = RedisClient.create(resources);
      nodes.setOptions(standaloneOptions(endpoint));
      return ClusterKeyTracking.start(clusterClients.get(endpoint.connectionKey()), nodes,
          endpoint.clusterSeeds().get(0), resources, prefix, listener, endpoint.masked(), endpoint.timeout());
    }
    try {
      StatefulRedisConnection<byte[], byte[]> connection = client(endpoint.tlsSettings())
          .connect(ByteArrayCodec.INSTANCE, endpoint.redisUri());
      return KeyTracking.start(connection, resources, prefix, listener, endpoint.masked(), endpoint.timeout());
    } catch (RuntimeException e) {
      throw new StoreAccessException("Cannot track keys " + prefix + "* at " + endpoint.masked() + " for a near "
          + "cache (Redis 6 or later is needed): " + e.getMessage(), e);
    }
  }

  /**
   * Opens a pub/sub connection of its own for a cache's events: its channel and the expirations of
   * its keys in the URI's database (on a Redis Cluster, of every master, following the topology).
   *
   * @throws StoreAccessException     when Redis cannot be reached
   * @throws StoreSecurityException   when the ACL user may not subscribe to the cache's channel
   */
  AutoCloseable subscribe(RedisEndpoint endpoint, String namespace, Consumer<byte[]> onEvent,
                          Consumer<byte[]> onExpired) {
    RedisConnection commands = connection(endpoint);
    try {
      if (endpoint.isCluster()) {
        RedisClusterClient cluster = clusterClients.get(endpoint.connectionKey());
        return ClusterEventSubscription.start(cluster.connectPubSub(ByteArrayCodec.INSTANCE), cluster, commands,
            resources, namespace, onEvent, onExpired);
      }
      StatefulRedisPubSubConnection<byte[], byte[]> connection = client(endpoint.tlsSettings())
          .connectPubSub(ByteArrayCodec.INSTANCE, endpoint.redisUri());
      return EventSubscription.start(connection, commands, resources, namespace, endpoint.redisUri().getDatabase(),
          onEvent, onExpired);
    } catch (StoreSecurityException refused) {
      throw refused;  // an ACL without this cache's channel: a mistake to fix, not an outage to wait out
    } catch (RuntimeException e) {
      throw new StoreAccessException("Cannot subscribe to the events of " + namespace + "* at " + endpoint.masked()
          + ": " + e.getMessage(), e);
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
    clusterClients.values().forEach(cluster -> cluster.shutdown(Duration.ZERO, Duration.ofSeconds(2)));
    clusterClients.clear();
    tlsClients.values().forEach(tlsClient -> tlsClient.shutdown(Duration.ZERO, Duration.ofSeconds(2)));
    tlsClients.clear();
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    try {
      resources.shutdown(0, 2, TimeUnit.SECONDS).get(3, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("Lettuce resources did not shut down cleanly", e);
    }
  }
}
