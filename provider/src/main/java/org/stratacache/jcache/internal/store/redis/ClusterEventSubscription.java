package org.stratacache.jcache.internal.store.redis;

import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import io.lettuce.core.cluster.pubsub.StatefulRedisClusterPubSubConnection;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A cache's events on a Redis Cluster. A {@code PUBLISH} reaches every node of a cluster, so the
 * event channel is subscribed once, on the pub/sub connection's default node (Lettuce moves it to
 * another node and subscribes again when that node goes away). Keyspace notifications are
 * node-local: each master reports only the expirations of its own keys, so the keyspace pattern is
 * subscribed on every master that serves slots, and {@code notify-keyspace-events} is turned on
 * there. Every {@value #CHECK_MILLIS} ms the masters Lettuce knows are compared with those
 * subscribed: a new master (a promoted replica, a resharding) is subscribed, a former one dropped,
 * and while a master's connection is down the topology is read again (at most once a second), so
 * that a failover is seen without waiting for the periodic refresh.
 */
final class ClusterEventSubscription extends EventInbox implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ClusterEventSubscription.class);
  private static final long CHECK_MILLIS = 250;
  private static final long REFRESH_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final StatefulRedisClusterPubSubConnection<byte[], byte[]> connection;
  private final RedisClusterClient client;
  private final RedisConnection commands;
  private final Map<String, StatefulRedisPubSubConnection<byte[], byte[]>> subscribed = new ConcurrentHashMap<>();
  private final Set<String> pending = ConcurrentHashMap.newKeySet();
  private volatile Future<?> checks;
  private volatile long lastRefresh = System.nanoTime() - REFRESH_NANOS;
  private volatile boolean refusalLogged;
  private volatile boolean closed;

  private ClusterEventSubscription(StatefulRedisClusterPubSubConnection<byte[], byte[]> connection,
                                   RedisClusterClient client, RedisConnection commands, String namespace,
                                   Consumer<byte[]> onEvent, Consumer<byte[]> onExpired) {
    super(namespace, 0, onEvent, onExpired);  // a cluster has database 0 only
    this.connection = connection;
    this.client = client;
    this.commands = commands;
  }

  /**
   * Subscribes {@code connection}, which this object owns from now on, on the event channel and on
   * every master serving slots now, and waits for all of it within the command timeout.
   *
   * @param client   the cluster client of {@code connection}, whose topology it follows
   * @param commands the cache's regular cluster connection, for {@code CONFIG} on each master
   */
  static ClusterEventSubscription start(StatefulRedisClusterPubSubConnection<byte[], byte[]> connection,
                                        RedisClusterClient client, RedisConnection commands, ClientResources resources,
                                        String namespace, Consumer<byte[]> onEvent, Consumer<byte[]> onExpired) {
    ClusterEventSubscription subscription = new ClusterEventSubscription(connection, client, commands, namespace,
        onEvent, onExpired);
    connection.setNodeMessagePropagation(true);
    connection.addListener(subscription);
    try {
      commands.await(connection.async().subscribe(subscription.eventChannel), "SUBSCRIBE");
      List<CompletableFuture<Void>> masters = new ArrayList<>();
      for (String nodeId : subscription.servingMasters()) {
        masters.add(subscription.subscribeTo(nodeId));
      }
      commands.await(CompletableFuture.allOf(masters.toArray(CompletableFuture[]::new)),
          "PSUBSCRIBE on every master");
    } catch (RuntimeException e) {
      connection.close();
      throw e;
    }
    subscription.checks = resources.eventExecutorGroup().scheduleWithFixedDelay(subscription::check, CHECK_MILLIS,
        CHECK_MILLIS, TimeUnit.MILLISECONDS);
    return subscription;
  }

  /** The masters in the topology Lettuce knows now, as {@link ClusterKeyTracking} tracks them. */
  private List<String> servingMasters() {
    return ClusterKeyTracking.masters(client).stream().map(RedisClusterNode::getNodeId).toList();
  }

  /** PSUBSCRIBE on one master, then expiration notifications there; completes when both are done. */
  private CompletableFuture<Void> subscribeTo(String nodeId) {
    pending.add(nodeId);
    return connection.getConnectionAsync(nodeId).thenCompose(node -> {
      node.addListener(new Renotify(nodeId));
      return node.async().psubscribe(keyspacePattern).thenCompose(ok -> notifications(nodeId))
          .thenApply(ok -> node);
    }).handle((node, failure) -> {
      pending.remove(nodeId);
      if (failure != null) {
        LOG.debug("Cannot subscribe to the expirations of master {} yet: {}", nodeId, failure.getMessage());
        throw new CompletionException(failure);
      }
      if (!closed) {
        subscribed.put(nodeId, node);
      }
      return null;
    });
  }

  private CompletableFuture<Void> notifications(String nodeId) {
    return commands.node(nodeId).thenCompose(node -> KeyspaceNotifications.ensure(node, this::refused))
        .toCompletableFuture();
  }

  /** Follows the topology: subscribes new masters, forgets former ones, refreshes while one is down. */
  private void check() {
    if (closed) {
      return;
    }
    try {
      List<String> masters = servingMasters();
      boolean complete = true;
      for (String nodeId : masters) {
        StatefulRedisPubSubConnection<byte[], byte[]> node = subscribed.get(nodeId);
        if (node == null || !node.isOpen()) {
          complete = false;
          if (node == null && !pending.contains(nodeId)) {
            subscribeTo(nodeId).exceptionally(failure -> null);
          }
        }
      }
      subscribed.keySet().retainAll(masters);  // Lettuce closes the connections of nodes that left
      if (!complete && System.nanoTime() - lastRefresh > REFRESH_NANOS) {
        lastRefresh = System.nanoTime();
        client.refreshPartitionsAsync();
      }
    } catch (RuntimeException e) {
      LOG.debug("Cannot check the masters of {}: {}", channelName(), e.getMessage());
    }
  }

  private void refused(Throwable cause) {
    if (!refusalLogged) {
      refusalLogged = true;
      LOG.warn("Cannot check or turn on {} on a master of {} for the events of {} ({}): expirations are heard only "
          + "if each master's configuration has 'K' and 'x' in it", KeyspaceNotifications.NOTIFY,
          commands.maskedUri(), channelName(), cause.getMessage());
    }
  }

  /** A restarted master has its configured notifications back, not those set at runtime: set them again. */
  private final class Renotify implements RedisConnectionStateListener {
    private final String nodeId;

    Renotify(String nodeId) {
      this.nodeId = nodeId;
    }

    @Override
    public void onRedisConnected(RedisChannelHandler<?, ?> handler, SocketAddress address) {
      if (!closed) {
        notifications(nodeId).whenComplete((ok, failure) -> {
          if (failure != null) {
            LOG.debug("Cannot check {} on master {} yet: {}", KeyspaceNotifications.NOTIFY, nodeId,
                failure.getMessage());
          }
        });
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    Future<?> scheduled = checks;
    if (scheduled != null) {
      scheduled.cancel(false);
    }
    connection.close();
  }
}
