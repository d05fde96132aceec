package org.stratacache.jcache.internal.store.near;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stratacache.jcache.internal.store.redis.RawRedis;
import org.stratacache.jcache.internal.store.redis.RedisConnector;
import org.stratacache.jcache.internal.store.redis.RedisContractSupport;
import org.stratacache.jcache.store.EntryExpiry;
import org.stratacache.jcache.store.Want;
import org.stratacache.testing.redis.RedisServer;

/**
 * The near cache keeps the Store contract: every test of the kit runs on a near cache in front of a
 * real Redis, where reads that leave the lifetime unchanged are served from memory.
 */
class NearCacheStoreContractIT extends RedisContractSupport {

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
  protected long nearCacheMaximumSize() {
    return 1_000;
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

  @Test
  void theKitRunsOnTheNearCache() {
    store.put("k", "v", EntryExpiry.ETERNAL_KEEP, Want.NOTHING);
    for (int i = 0; i < 3; i++) {
      assertThat(store.get("k", EntryExpiry.ETERNAL_KEEP).value()).isEqualTo("v");
    }
    assertThat(store.metrics().nearHits() + store.metrics().nearMisses()).as("reads went through a near cache")
        .isEqualTo(3);
  }
}
