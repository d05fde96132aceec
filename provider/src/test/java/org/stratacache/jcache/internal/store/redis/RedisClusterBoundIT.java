package org.stratacache.jcache.internal.store.redis;

import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.stratacache.testing.redis.RedisCluster;

/** The size bound and size figures on a three-master Redis Cluster (a bounded cache lives in one slot). */
class RedisClusterBoundIT extends RedisBoundContract {

  private static RedisCluster cluster;
  private static RedisClusterClient client;
  private static StatefulRedisClusterConnection<byte[], byte[]> connection;

  @BeforeAll
  static void startCluster() {
    cluster = RedisCluster.start(3);
    client = RedisClusterClient.create(RedisURI.create(cluster.nodes().get(0).uri()));
    connection = client.connect(ByteArrayCodec.INSTANCE);
  }

  @AfterAll
  static void stopCluster() {
    connection.close();
    client.shutdown();
    cluster.close();
  }

  @Override
  protected String uri() {
    return cluster.uri();
  }

  @Override
  protected RedisClusterCommands<byte[], byte[]> raw() {
    return connection.sync();
  }

  @Override
  protected boolean unboundedCachesCount() {
    return false;
  }
}
