package org.stratacache.jcache.internal.store.redis;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.stratacache.jcache.configuration.SerializationFormat;
import org.stratacache.jcache.configuration.SerializationSettings;
import org.stratacache.testing.redis.RedisServer;

/**
 * The Store contract with values stored as JSON ({@code serialization.format: json}). The kit's
 * values are strings, which JSON maps to JSON strings and back.
 */
class RedisJsonStoreContractIT extends RedisContractSupport {

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
  protected SerializationSettings serialization() {
    return SerializationSettings.none().format(SerializationFormat.JSON);
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
