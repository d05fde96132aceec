package org.stratacache.testing.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.SlotHash;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * A real Redis Cluster for tests: {@code masters} redis-server processes on free loopback ports,
 * joined with CLUSTER MEET and given the 16,384 slots in equal ranges, and optionally
 * {@code replicasPerMaster} replicas of each, attached with CLUSTER REPLICATE and in sync before
 * {@link #start(int, int)} returns. Nodes fail over after a node timeout of {@value #NODE_TIMEOUT_MS} ms.
 */
public final class RedisCluster implements AutoCloseable {

  /** How long a master may be unreachable before its replica takes over. */
  public static final int NODE_TIMEOUT_MS = 2000;
  private static final int SLOTS = 16_384;
  private static final Duration FORMING = Duration.ofSeconds(30);

  private final List<RedisServer> nodes = new ArrayList<>();
  private final List<RedisServer> killed = new ArrayList<>();

  private RedisCluster() {
  }

  /** Starts a cluster of {@code masters} masters and waits until it reports {@code cluster_state:ok}. */
  public static RedisCluster start(int masters) {
    return start(masters, 0);
  }

  /**
   * Starts {@code masters} masters with {@code replicasPerMaster} replicas each, and waits until
   * every node reports {@code cluster_state:ok}, knows every replica as one, and every replica's
   * link to its master is up.
   */
  public static RedisCluster start(int masters, int replicasPerMaster) {
    RedisCluster cluster = new RedisCluster();
    int total = masters * (1 + replicasPerMaster);
    for (int i = 0; i < total; i++) {
      cluster.nodes.add(RedisServer.start("--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf",
          "--cluster-node-timeout", String.valueOf(NODE_TIMEOUT_MS)));
    }
    boolean formed = false;
    try (ClusterAdmin admin = new ClusterAdmin()) {
      List<StatefulRedisConnection<String, String>> connections = new ArrayList<>();
      for (RedisServer node : cluster.nodes) {
        connections.add(admin.connect(node));
      }
      for (int i = 1; i < total; i++) {
        connections.get(0).sync().clusterMeet("127.0.0.1", cluster.nodes.get(i).port());
      }
      for (int i = 0; i < masters; i++) {
        int from = SLOTS * i / masters;
        int to = SLOTS * (i + 1) / masters;
        connections.get(i).sync().clusterAddSlots(IntStream.range(from, to).toArray());
      }
      for (int i = masters; i < total; i++) {
        StatefulRedisConnection<String, String> master = connections.get((i - masters) % masters);
        String masterId = master.sync().clusterMyId();
        StatefulRedisConnection<String, String> replica = connections.get(i);
        awaitTrue(() -> replica.sync().clusterNodes().contains(masterId), "replica " + i + " to learn its master");
        replica.sync().clusterReplicate(masterId);
      }
      int replicas = total - masters;
      for (StatefulRedisConnection<String, String> connection : connections) {
        awaitTrue(() -> ready(connection.sync().clusterInfo(), total)
            && countReplicas(connection.sync().clusterNodes()) == replicas, "the cluster to form");
      }
      for (StatefulRedisConnection<String, String> replica : connections.subList(masters, total)) {
        awaitTrue(() -> inSync(replica.sync().info("replication")), "a replica to sync with its master");
      }
      formed = true;
      return cluster;
    } finally {
      if (!formed) {
        cluster.close();
      }
    }
  }

  private static boolean ready(String info, int nodes) {
    return info.contains("cluster_state:ok") && info.contains("cluster_known_nodes:" + nodes + "\r");
  }

  private static long countReplicas(String clusterNodes) {
    return clusterNodes.lines().filter(line -> line.split(" ")[2].contains("slave")).count();
  }

  private static boolean inSync(String replication) {
    return replication.contains("master_link_status:up") && replication.contains("master_sync_in_progress:0");
  }

  /** {@code redis-cluster://127.0.0.1:p1,127.0.0.1:p2,...}, as Strata Cache takes it. */
  public String uri() {
    StringJoiner seeds = new StringJoiner(",", "redis-cluster://", "");
    nodes.forEach(node -> seeds.add("127.0.0.1:" + node.port()));
    return seeds.toString();
  }

  /** Every node: the masters as started, in slot order, then their replicas. */
  public List<RedisServer> nodes() {
    return nodes;
  }

  /** The node that serves the slot of {@code key} now, as a live node reports it (after failovers too). */
  public RedisServer masterOf(byte[] key) {
    RedisServer master = servingMaster(SlotHash.getSlot(key));
    if (master == null) {
      throw new IllegalStateException("No live master serves slot " + SlotHash.getSlot(key));
    }
    return master;
  }

  private RedisServer servingMaster(int slot) {
    boolean formed = false;
    try (ClusterAdmin admin = new ClusterAdmin()) {
      for (String line : admin.connect(anyLiveNode()).sync().clusterNodes().split("\n")) {
        ClusterNodeLine node = ClusterNodeLine.parse(line);
        if (node != null && node.isServingMaster() && node.serves(slot)) {
          return byPort(node.port());
        }
      }
      return null;
    }
  }

  /** Kills {@code node} at once (SIGKILL), as a crash would; it stays down. */
  public void kill(RedisServer node) {
    killed.add(node);
    node.kill();
  }

  /**
   * Waits until every live node reports {@code cluster_state:ok} and a live master serves the slot
   * of {@code key}: after a kill, the replica has been promoted.
   */
  public void awaitServed(byte[] key, Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    boolean formed = false;
    try (ClusterAdmin admin = new ClusterAdmin()) {
      for (RedisServer node : nodes) {
        if (!killed.contains(node)) {
          StatefulRedisConnection<String, String> connection = admin.connect(node);
          awaitTrue(() -> connection.sync().clusterInfo().contains("cluster_state:ok"), deadline,
              "port " + node.port() + " to report cluster_state:ok");
        }
      }
    }
    int slot = SlotHash.getSlot(key);
    awaitTrue(() -> {
      RedisServer master = servingMaster(slot);
      return master != null && !killed.contains(master);
    }, deadline, "a live master to serve slot " + slot);
  }

  private RedisServer anyLiveNode() {
    return nodes.stream().filter(Predicate.not(killed::contains)).findFirst()
        .orElseThrow(() -> new IllegalStateException("Every node of the cluster was killed"));
  }

  private RedisServer byPort(int port) {
    return nodes.stream().filter(node -> node.port() == port).findFirst()
        .orElseThrow(() -> new IllegalStateException("No node of this cluster listens on " + port));
  }

  private static void awaitTrue(BooleanSupplier condition, String what) {
    awaitTrue(condition, System.nanoTime() + FORMING.toNanos(), what);
  }

  private static void awaitTrue(BooleanSupplier condition, long deadline, String what) {
    Await.until(condition, deadline, what);
  }

  @Override
  public void close() {
    nodes.forEach(RedisServer::close);
  }

  /** A plain client for administrative commands to single nodes; closes all it opened. */
  private static final class ClusterAdmin implements AutoCloseable {
    private final RedisClient client = RedisClient.create();
    private final List<StatefulRedisConnection<String, String>> open = new ArrayList<>();

    StatefulRedisConnection<String, String> connect(RedisServer node) {
      RedisURI uri = RedisURI.create(node.uri());
      uri.setTimeout(Duration.ofSeconds(5));
      StatefulRedisConnection<String, String> connection = client.connect(uri);
      open.add(connection);
      return connection;
    }

    @Override
    public void close() {
      open.forEach(StatefulRedisConnection::close);
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
  }

  /** One line of CLUSTER NODES: {@code id host:port@cport flags master ping pong epoch link slot...}. */
  private record ClusterNodeLine(int port, String flags, List<int[]> ranges) {

    static ClusterNodeLine parse(String line) {
      String[] fields = line.trim().split(" ");
      if (fields.length < 8) {
        return null;
      }
      String address = fields[1].split("@")[0];
      int port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
      List<int[]> ranges = new ArrayList<>();
      for (int i = 8; i < fields.length; i++) {
        if (!fields[i].startsWith("[")) {  // [slot->-node] entries are migrations
          String[] bounds = fields[i].split("-");
          int from = Integer.parseInt(bounds[0]);
          ranges.add(new int[] {from, bounds.length > 1 ? Integer.parseInt(bounds[1]) : from});
        }
      }
      return new ClusterNodeLine(port, fields[2], ranges);
    }

    boolean isServingMaster() {
      return flags.contains("master") && !flags.contains("fail");
    }

    boolean serves(int slot) {
      return ranges.stream().anyMatch(range -> slot >= range[0] && slot <= range[1]);
    }
  }
}
