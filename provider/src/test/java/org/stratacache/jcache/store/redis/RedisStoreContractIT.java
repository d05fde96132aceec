package org.stratacache.jcache.store.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.stratacache.jcache.configuration.StrataConfiguration;
import org.stratacache.jcache.store.Store;
import org.stratacache.jcache.store.StoreContractTest;
import org.stratacache.jcache.store.StoreEventSink;

/** The Redis store keeps the same Store contract as the memory store, against a real Redis. */
class RedisStoreContractIT extends StoreContractTest {

  private static final String PREFIX = RedisTesting.uniquePrefix();
  private static final AtomicInteger CACHES = new AtomicInteger();
  private static RedisConnector connector;
  private static RedisClient rawClient;
  private static StatefulRedisConnection<byte[], byte[]> raw;

  private String namespace;

  @BeforeAll
  static void connect() {
    connector = new RedisConnector();
    rawClient = RedisClient.create();
    raw = RedisTesting.rawConnection(rawClient);
  }

  @AfterAll
  static void disconnect() {
    raw.close();
    rawClient.shutdown();
    connector.close();
  }

  @Override
  protected Store<String, String> createStore() {
    String cacheName = "contract-" + CACHES.incrementAndGet();
    namespace = PREFIX + ":" + cacheName + ":";
    StrataConfiguration<String, String> configuration =
        RedisTesting.redisConfiguration(String.class, String.class, PREFIX);
    return new RedisStoreProvider(connector, getClass().getClassLoader())
        .createStore(cacheName, configuration, StoreEventSink.none());
  }

  @Override
  protected void advancePastShort() throws InterruptedException {
    Thread.sleep(SHORT + 150);
  }

  @Override
  protected long remainingMillis(String key) {
    long ttl = raw.sync().pttl((namespace + key).getBytes(StandardCharsets.UTF_8));
    return ttl < 0 ? ttl : ttl;
  }
}
