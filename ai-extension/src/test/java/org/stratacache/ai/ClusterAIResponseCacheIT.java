package org.stratacache.ai;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import java.net.URI;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import javax.cache.CacheManager;
import javax.cache.Caching;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.stratacache.jcache.configuration.ManagerDefaults;
import org.stratacache.jcache.configuration.StrataConfiguration;
import org.stratacache.jcache.testing.RedisCluster;

/**
 * The AI cache on a three-master Redis Cluster: answers of one operation land on every master, so
 * invalidating an operation must reach them all.
 */
class ClusterAIResponseCacheIT extends AIResponseCacheContractTest {

  private static RedisCluster cluster;
  private static RedisClusterClient client;
  private static StatefulRedisClusterConnection<String, String> raw;
  private final String prefix = "ai-" + UUID.randomUUID().toString().substring(0, 8);

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
  protected CacheManager createManager() {
    Properties properties = new Properties();
    properties.setProperty(ManagerDefaults.REDIS_URI, cluster.uri());
    return Caching.getCachingProvider().getCacheManager(URI.create("test:ai-cluster-" + prefix),
        getClass().getClassLoader(), properties);
  }

  @Override
  protected void configure(StrataConfiguration.Builder<String, AIResponse> builder) {
    builder.keyPrefix(prefix);
  }

  @Override
  protected void assertLifetime(String key, Duration ttl) {
    long pttl = raw.sync().pttl(prefix + ":ai-responses:" + key);
    assertThat(pttl).as("PTTL of " + key).isBetween(ttl.toMillis() - 5_000, ttl.toMillis());
  }
}
