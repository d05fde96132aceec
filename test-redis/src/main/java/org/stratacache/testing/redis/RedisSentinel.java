package org.stratacache.testing.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.sentinel.api.StatefulRedisSentinelConnection;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A real Sentinel deployment for tests: a master, one replica of it, and one Sentinel (quorum 1)
 * monitoring them as {@value #MASTER_NAME}, each a redis-server on a free loopback port. Ready when
 * the replica is in sync and the Sentinel knows it, so a failover can be asked for at once.
 */
public final class RedisSentinel implements AutoCloseable {

  /** The name the Sentinel monitors the master under. */
  public static final String MASTER_NAME = "strata-master";

  private final RedisServer master;
  private final RedisServer replica;
  private final RedisServer sentinel;

  private RedisSentinel(RedisServer master, RedisServer replica, RedisServer sentinel) {
    this.master = master;
    this.replica = replica;
    this.sentinel = sentinel;
  }

  /** Starts the three servers and waits (up to 30 s) until a failover could succeed. */
  public static RedisSentinel start() {
    RedisServer master = RedisServer.start();
    RedisServer replica = RedisServer.start("--replicaof", "127.0.0.1", String.valueOf(master.port()));
    RedisClient client = RedisClient.create();
    try (StatefulRedisConnection<String, String> toMaster = client.connect(RedisURI.create(master.uri()))) {
      await("the replica to sync", () -> toMaster.sync().info("replication").contains("state=online"));
      RedisServer sentinel = RedisServer.startSentinel(
          "sentinel monitor " + MASTER_NAME + " 127.0.0.1 " + master.port() + " 1",
          "sentinel down-after-milliseconds " + MASTER_NAME + " 1000",
          "sentinel failover-timeout " + MASTER_NAME + " 5000");
      RedisSentinel deployment = new RedisSentinel(master, replica, sentinel);
      try (StatefulRedisSentinelConnection<String, String> toSentinel = client.connectSentinel(
          RedisURI.create(sentinel.uri()))) {
        await("the Sentinel to see the replica", () -> toSentinel.sync().replicas(MASTER_NAME).stream()
            .anyMatch(RedisSentinel::healthyReplica));
      }
      return deployment;
    } finally {
      client.shutdown();
    }
  }

  private static boolean healthyReplica(Map<String, String> replica) {
    return "slave".equals(replica.get("flags")) && "ok".equals(replica.get("master-link-status"));
  }

  /** {@code redis-sentinel://127.0.0.1:<sentinel port>#<master name>}. */
  public String uri() {
    return "redis-sentinel://127.0.0.1:" + sentinel.port() + "#" + MASTER_NAME;
  }

  /** The first master. */
  public RedisServer master() {
    return master;
  }

  /** The first replica. */
  public RedisServer replica() {
    return replica;
  }

  /** The Sentinel. */
  public RedisServer sentinel() {
    return sentinel;
  }

  /** The port of the server the Sentinel currently names as master. */
  public int currentMasterPort() {
    RedisClient client = RedisClient.create();
    try (StatefulRedisSentinelConnection<String, String> toSentinel = client.connectSentinel(
        RedisURI.create(sentinel.uri()))) {
      return ((InetSocketAddress) toSentinel.sync().getMasterAddrByName(MASTER_NAME)).getPort();
    } finally {
      client.shutdown();
    }
  }

  /**
   * Asks the Sentinel to fail over and waits (up to 30 s) until it names the other server as master,
   * that server accepts writes and the old master has been made its replica.
   */
  public void failover() {
    int before = currentMasterPort();
    RedisClient client = RedisClient.create();
    try (StatefulRedisSentinelConnection<String, String> toSentinel = client.connectSentinel(
        RedisURI.create(sentinel.uri()))) {
      toSentinel.sync().failover(MASTER_NAME);
      awaitPromotion(before);
      try (StatefulRedisConnection<String, String> demoted = client.connect(
          RedisURI.create("redis://127.0.0.1:" + before))) {
        // until then the old master still takes writes, which its resync with the new master discards
        await("the old master to become a replica", () -> demoted.sync().info("replication").contains("role:slave"));
      }
    } finally {
      client.shutdown();
    }
  }

  /**
   * Kills the current master, as a crash would, and waits (up to 30 s) until the Sentinel has
   * promoted the replica and it accepts writes.
   */
  public void killMaster() {
    int before = currentMasterPort();
    (before == master.port() ? master : replica).kill();
    awaitPromotion(before);
  }

  private void awaitPromotion(int before) {
    await("the Sentinel to promote the replica", () -> currentMasterPort() != before);
    RedisClient client = RedisClient.create();
    try (StatefulRedisConnection<String, String> promoted = client.connect(
        RedisURI.create("redis://127.0.0.1:" + currentMasterPort()))) {
      await("the promoted replica to accept writes",
          () -> promoted.sync().info("replication").contains("role:master"));
    } finally {
      client.shutdown();
    }
  }

  @Override
  public void close() {
    List.of(sentinel, replica, master).forEach(RedisServer::close);
  }

  private static void await(String what, BooleanSupplier condition) {
    Await.until(condition, System.nanoTime() + TimeUnit.SECONDS.toNanos(30), what);
  }
}
