package org.stratacache.jcache.internal.store.redis;

import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.stratacache.testing.redis.RedisCluster;

/** The same Store contract on a real three-master Redis Cluster: every key routed to its slot's master. */
class RedisClusterStoreContractIT extends RedisContractSupport {

  private static RedisCluster cluster;
  private static RedisConnector connector;
  private static RedisClusterClient rawClient;
  private static StatefulRedisClusterConnection<byte[], byte[]> raw;

  @BeforeAll
  static void startCluster() {
    cluster = RedisCluster.start(3);
    connector = new RedisConnector();
    rawClient = RedisClusterClient.create(RedisURI.create(cluster.nodes().get(0).uri()));
    raw = rawClient.connect(ByteArrayCodec.INSTANCE);
  }

  @AfterAll
  static void stopCluster() {
    raw.close();
    rawClient.shutdown();
    connector.close();
    cluster.close();
  }

  @Override
  protected String uri() {
    return cluster.uri();
  }

  @Override
  protected RedisConnector connector() {
    return connector;
  }

  @Override
  protected long pttl(byte[] key) {
    return raw.sync().pttl(key);
  }
}
