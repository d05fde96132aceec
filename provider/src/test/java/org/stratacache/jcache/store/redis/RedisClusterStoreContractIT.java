package org.stratacache.jcache.store.redis;

import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.stratacache.jcache.configuration.ManagerDefaults;
import org.stratacache.jcache.configuration.StoreType;
import org.stratacache.jcache.configuration.StrataConfiguration;
import org.stratacache.jcache.store.Store;
import org.stratacache.jcache.store.StoreContractTest;
import org.stratacache.jcache.store.StoreEventSink;
import org.stratacache.jcache.testing.RedisCluster;

/** The same Store contract on a real three-master Redis Cluster: every key routed to its slot's master. */
class RedisClusterStoreContractIT extends StoreContractTest {

  private static final AtomicInteger CACHES = new AtomicInteger();
  private static RedisCluster cluster;
  private static RedisConnector connector;
  private static RedisClusterClient rawClient;
  private static StatefulRedisClusterConnection<byte[], byte[]> raw;

  private String namespace;

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
  protected Store<String, String> createStore() {
    String cacheName = "cluster-" + CACHES.incrementAndGet();
    namespace = "it:" + cacheName + ":";
    StrataConfiguration<String, String> configuration = ManagerDefaults.of(null, name -> null, name -> null)
        .resolve(StrataConfiguration.builder(String.class, String.class)
            .storeType(StoreType.REDIS).redisUri(cluster.uri()).keyPrefix("it").build());
    return new RedisStoreProvider(connector, getClass().getClassLoader())
        .createStore(cacheName, configuration, StoreEventSink.none());
  }

  @Override
  protected void advancePastShort() throws InterruptedException {
    Thread.sleep(SHORT + 150);
  }

  @Override
  protected long remainingMillis(String key) {
    return raw.sync().pttl((namespace + key).getBytes(StandardCharsets.UTF_8));
  }
}
