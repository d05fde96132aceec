package org.stratacache.jcache.internal.store.near;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.stratacache.jcache.internal.store.redis.RedisStoreContractIT;
import org.stratacache.jcache.store.EntryExpiry;
import org.stratacache.jcache.store.Want;

/**
 * The near cache keeps the Store contract: every test of the kit runs on a near cache in front of a
 * real Redis, where reads that leave the lifetime unchanged are served from memory.
 */
class NearCacheStoreContractIT extends RedisStoreContractIT {

  @Override
  protected long nearCacheMaximumSize() {
    return 1_000;
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
