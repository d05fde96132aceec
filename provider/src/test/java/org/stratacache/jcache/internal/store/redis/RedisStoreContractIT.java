package org.stratacache.jcache.internal.store.redis;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.stratacache.testing.redis.RedisServer;

/**
 * The Redis store keeps the same Store contract as the memory store, against a real Redis;
 * {@code NearCacheStoreContractIT} runs it again with a near cache in front.
 */
public class RedisStoreContractIT extends RedisContractSupport {

  private static RedisConnector connector;
  private static RawRedis raw;

  @BeforeAll
  static void connect() {
    connector = new RedisConnector();
    raw = RawRedis.shared();
  }

  @AfterAll
  static void disconnect() {
    raw.close();
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
