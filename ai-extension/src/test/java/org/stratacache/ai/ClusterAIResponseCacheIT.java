package org.stratacache.ai;

import io.lettuce.core.RedisURI;
import io.lettuce.core.api.sync.RedisKeyCommands;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.stratacache.testing.redis.RedisCluster;

/**
 * The AI cache on a three-master Redis Cluster: answers of one operation land on every master, so
 * invalidating an operation must reach them all.
 */
class ClusterAIResponseCacheIT extends RedisAIResponseCacheContract {

  private static RedisCluster cluster;
  private static RedisClusterClient client;
  private static StatefulRedisClusterConnection<String, String> raw;

  @BeforeAll
  static void startCluster() {
    cluster = RedisCluster.start(3);
    client = RedisClusterClient.create(RedisURI.create(cluster.nodes().get(0).uri()));
    raw = client.connect();
  }

  @AfterAll
  static void stopCluster() {
    raw.close();
    client.shutdown();
    cluster.close();
  }

  @Override
  protected String redisUri() {
    return cluster.uri();
  }

  @Override
  protected String managerName() {
    return "test:ai-cluster-";
  }

  @Override
  protected RedisKeyCommands<String, String> keys() {
    return raw.sync();
  }
}
