package org.stratacache.jcache.testing;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * A real Redis Cluster for tests: {@code masters} redis-server processes on free loopback ports,
 * joined with CLUSTER MEET and given the 16,384 slots in equal ranges.
 */
public final class RedisCluster implements AutoCloseable {

  private static final int SLOTS = 16_384;

  private final List<RedisServer> nodes = new ArrayList<>();

  private RedisCluster() {
  }

  /** Starts a cluster of {@code masters} masters and waits until it reports {@code cluster_state:ok}. */
  public static RedisCluster start(int masters) {
    RedisCluster cluster = new RedisCluster();
    for (int i = 0; i < masters; i++) {
      cluster.nodes.add(RedisServer.start("--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf",
          "--cluster-node-timeout", "2000"));
    }
    RedisClient client = RedisClient.create();
    try {
      List<StatefulRedisConnection<String, String>> connections = new ArrayList<>();
      for (RedisServer node : cluster.nodes) {
        connections.add(client.connect(RedisURI.create(node.uri())));
      }
      for (int i = 1; i < masters; i++) {
        connections.get(0).sync().clusterMeet("127.0.0.1", cluster.nodes.get(i).port());
      }
      for (int i = 0; i < masters; i++) {
        int from = SLOTS * i / masters;
        int to = SLOTS * (i + 1) / masters;
        connections.get(i).sync().clusterAddSlots(IntStream.range(from, to).toArray());
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      for (StatefulRedisConnection<String, String> connection : connections) {
        while (!ready(connection.sync().clusterInfo(), masters)) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException("The test cluster did not become ready within 30 s");
          }
          Thread.sleep(50);
        }
      }
      connections.forEach(StatefulRedisConnection::close);
      return cluster;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while forming the test cluster", e);
    } finally {
      client.shutdown();
    }
  }

  private static boolean ready(String info, int masters) {
    return info.contains("cluster_state:ok") && info.contains("cluster_known_nodes:" + masters);
  }

  /** {@code redis-cluster://127.0.0.1:p1,127.0.0.1:p2,...}, as Strata Cache takes it. */
  public String uri() {
    StringJoiner seeds = new StringJoiner(",", "redis-cluster://", "");
    nodes.forEach(node -> seeds.add("127.0.0.1:" + node.port()));
    return seeds.toString();
  }

  /** The nodes, in slot order. */
  public List<RedisServer> nodes() {
    return nodes;
  }

  @Override
  public void close() {
    nodes.forEach(RedisServer::stop);
  }
}
