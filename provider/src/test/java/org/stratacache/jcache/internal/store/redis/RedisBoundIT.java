package org.stratacache.jcache.internal.store.redis;

import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.stratacache.testing.redis.RedisServer;

/** The size bound and size figures on a single Redis server. */
class RedisBoundIT extends RedisBoundContract {

  private static RawRedis raw;

  @BeforeAll
  static void connectRaw() {
    raw = RawRedis.shared();
  }

  @AfterAll
  static void disconnectRaw() {
    raw.close();
  }

  @Override
  protected String uri() {
    return RedisServer.sharedUri();
  }

  @Override
  protected RedisClusterCommands<byte[], byte[]> raw() {
    return raw.sync();
  }

  @Override
  protected boolean unboundedCachesCount() {
    return true;
  }
}
