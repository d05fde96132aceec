package org.stratacache.jcache.store.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.stratacache.jcache.testing.RedisServer;

/** The Redis store keeps the same Store contract as the memory store, against a real Redis. */
class RedisStoreContractIT extends RedisContractSupport {

  private static RedisConnector connector;
  private static RedisClient rawClient;
  private static StatefulRedisConnection<byte[], byte[]> raw;

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
  protected String uri() {
    return RedisServer.sharedUri();
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
