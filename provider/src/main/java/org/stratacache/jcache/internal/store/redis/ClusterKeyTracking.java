package org.stratacache.jcache.internal.store.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.resource.ClientResources;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stratacache.jcache.internal.store.near.Invalidations;
import org.stratacache.jcache.store.StoreAccessException;

/**
 * Key tracking on a Redis Cluster: each master reports only the changes to its own keys, so a
 * {@link KeyTracking} connection of its own is opened to every master. The near cache is trusted
 * only while every one of them tracks and answers and they serve every slot: when any goes down or
 * silent, a slot has no tracked master, or a master appears that is not tracked yet (a promoted
 * replica, a node joined for a resharding), the
 * listener is suspended at once (nothing served from memory, everything held dropped), and resumed
 * once every master tracks again. Every {@value #CHECK_MILLIS} ms the masters the cluster client
 * knows are compared with those tracked; while they differ or one is down, the topology is read
 * again (at most once a second) rather than waiting for the periodic refresh.
 */
final class ClusterKeyTracking implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ClusterKeyTracking.class);
  private static final long CHECK_MILLIS = 250;
  private static final long REFRESH_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final RedisClusterClient cluster;
  private final RedisClient nodes;
  private final RedisURI seed;
  private final ClientResources resources;
  private final String prefix;
  private final Invalidations<byte[]> listener;
  private final String maskedUri;
  private final Duration timeout;
  /** The masters tracked or being tracked, by node id; guarded by {@code this}. */
  private final Map<String, Node> tracked = new HashMap<>();
  private boolean trusted = true;
  private boolean closed;
  private long lastRefresh = System.nanoTime() - REFRESH_NANOS;
  private Future<?> checks;

  private ClusterKeyTracking(RedisClusterClient cluster, RedisClient nodes, RedisURI seed, ClientResources resources,
                             String prefix, Invalidations<byte[]> listener, String maskedUri, Duration timeout) {
    this.cluster = cluster;
    this.nodes = nodes;
    this.seed = seed;
    this.resources = resources;
    this.prefix = prefix;
    this.listener = listener;
    this.maskedUri = maskedUri;
    this.timeout = timeout;
  }

  /**
   * Tracks {@code prefix} on every master serving slots now, waiting for all within the timeout.
   *
   * @param nodes a client of this tracker's own for the node connections (closed with it), whose
   *              options carry the endpoint's TLS settings
   * @param seed  a seed URI of the cluster: its credentials and TLS verification serve for each node
   * @throws StoreAccessException when a master cannot be reached or cannot track keys in time
   */
  static ClusterKeyTracking start(RedisClusterClient cluster, RedisClient nodes, RedisURI seed,
                                  ClientResources resources, String prefix, Invalidations<byte[]> listener,
                                  String maskedUri, Duration timeout) {
    ClusterKeyTracking tracking = new ClusterKeyTracking(cluster, nodes, seed, resources, prefix, listener,
        maskedUri, timeout);
    List<CompletableFuture<Void>> started = new ArrayList<>();
    synchronized (tracking) {
      for (RedisClusterNode master : tracking.masters()) {
        started.add(tracking.track(master));
      }
    }
    try {
      CompletableFuture.allOf(started.toArray(CompletableFuture[]::new)).get(timeout.toMillis() * 2,
          TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      tracking.close();
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new StoreAccessException("Cannot track keys " + prefix + "* on every master of " + maskedUri + ": "
          + cause.getMessage(), cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      tracking.close();
      throw new StoreAccessException("Interrupted while tracking keys " + prefix + "* at " + maskedUri, e);
    }
    synchronized (tracking) {
      tracking.evaluate();
      tracking.checks = resources.eventExecutorGroup().scheduleWithFixedDelay(tracking::check, CHECK_MILLIS,
          CHECK_MILLIS, TimeUnit.MILLISECONDS);
    }
    return tracking;
  }

  /**
   * The masters to track: those serving slots, and those without slots that are not failing (a
   * node joined for a resharding: reads may be redirected to it before the view gives it slots).
   */
  private List<RedisClusterNode> masters() {
    return masters(cluster);
  }

  /** {@link #masters()} of {@code cluster}'s topology as the client knows it now. */
  static List<RedisClusterNode> masters(RedisClusterClient cluster) {
    List<RedisClusterNode> masters = new ArrayList<>();
    for (RedisClusterNode node : cluster.getPartitions()) {
      if (node.is(RedisClusterNode.NodeFlag.UPSTREAM) && (!node.hasNoSlots()
          || !node.is(RedisClusterNode.NodeFlag.FAIL) && !node.is(RedisClusterNode.NodeFlag.EVENTUAL_FAIL))) {
        masters.add(node);
      }
    }
    return masters;
  }

  /** Opens tracking on {@code master}; the caller holds the lock. */
  private CompletableFuture<Void> track(RedisClusterNode master) {
    Node node = new Node(master.getNodeId());
    tracked.put(node.id, node);
    RedisURI uri = RedisURI.builder(seed).withHost(master.getUri().getHost()).withPort(master.getUri().getPort())
        .build();
    return nodes.connectAsync(ByteArrayCodec.INSTANCE, uri).toCompletableFuture()
        .thenCompose(connection -> KeyTracking.startAsync(connection, resources, prefix, node, maskedUri, timeout))
        .handle((started, failure) -> {
          boolean kept;
          synchronized (this) {
            kept = failure == null && !closed && tracked.get(node.id) == node;
            if (kept) {
              node.tracking = started;
              node.started = true;
              evaluate();
            } else {
              tracked.remove(node.id, node);
            }
          }
          if (!kept && started != null) {
            started.close();
          }
          if (failure != null) {
            LOG.debug("Tracking keys {} on master {}:{} of {} not on yet: {}", prefix, uri.getHost(), uri.getPort(),
                maskedUri, failure.getMessage());
            throw new CompletionException(failure);
          }
          return null;
        });
  }

  /** Follows the topology: tracks new masters, stops tracking former ones, refreshes while incomplete. */
  private void check() {
    List<Node> former = new ArrayList<>();
    try {
      synchronized (this) {
        if (closed) {
          return;
        }
        List<RedisClusterNode> masters = masters();
        List<String> ids = new ArrayList<>();
        for (RedisClusterNode master : masters) {
          ids.add(master.getNodeId());
          if (!tracked.containsKey(master.getNodeId())) {
            track(master).exceptionally(failure -> null);
          }
        }
        tracked.entrySet().removeIf(entry -> {
          if (ids.contains(entry.getKey())) {
            return false;
          }
          former.add(entry.getValue());
          return true;
        });
        evaluate();
        if (!trusted && System.nanoTime() - lastRefresh > REFRESH_NANOS) {
          lastRefresh = System.nanoTime();
          cluster.refreshPartitionsAsync();
        }
      }
    } catch (RuntimeException e) {
      LOG.debug("Cannot check the masters tracking keys {} at {}: {}", prefix, maskedUri, e.getMessage());
    }
    former.forEach(Node::close);  // outside the lock: KeyTracking calls back into it under its own
  }

  /**
   * Suspends the listener unless every master tracks and answers and the tracked masters serve all
   * the slots, and resumes it when that holds again; the caller holds the lock. A view of the
   * topology taken mid-failover may show the dead master without slots before its replica has them:
   * a read redirected to that replica meanwhile must not be kept, hence the slot count.
   */
  private void evaluate() {
    boolean all = !closed;
    BitSet covered = new BitSet(SlotHash.SLOT_COUNT);
    for (RedisClusterNode master : masters()) {
      Node node = tracked.get(master.getNodeId());
      if (node == null || !node.started || node.down) {
        all = false;
        break;
      }
      master.forEachSlot(covered::set);
    }
    all &= covered.cardinality() == SlotHash.SLOT_COUNT;
    if (trusted && !all) {
      trusted = false;
      listener.suspend();
    } else if (!trusted && all) {
      trusted = true;
      listener.resume();
    }
  }

  @Override
  public void close() {
    List<Node> open;
    synchronized (this) {
      closed = true;
      if (checks != null) {
        checks.cancel(false);
      }
      open = new ArrayList<>(tracked.values());
      tracked.clear();
    }
    open.forEach(Node::close);
    nodes.shutdown(Duration.ZERO, Duration.ofSeconds(2));
  }

  /** One master's tracking: its invalidations go through, its suspensions are counted with the others'. */
  private final class Node implements Invalidations<byte[]> {
    private final String id;
    private KeyTracking tracking;
    /** Tracking was turned on; guarded by the tracker's lock, as {@link #down} is. */
    private boolean started;
    /** The connection is down or silent, as {@link KeyTracking} reports it. */
    private boolean down;

    Node(String id) {
      this.id = id;
    }

    @Override
    public void resume() {
      mark(false);
    }

    @Override
    public void suspend() {
      mark(true);
    }

    private void mark(boolean isDown) {
      synchronized (ClusterKeyTracking.this) {
        down = isDown;
        evaluate();
      }
    }

    @Override
    public void invalidate(byte[] key) {
      listener.invalidate(key);
    }

    @Override
    public void invalidateAll() {
      listener.invalidateAll();
    }

    void close() {
      KeyTracking open;
      synchronized (ClusterKeyTracking.this) {
        open = tracking;
      }
      if (open != null) {
        open.close();
      }
    }
  }
}
