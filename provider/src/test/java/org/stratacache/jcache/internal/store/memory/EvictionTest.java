package org.stratacache.jcache.internal.store.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stratacache.jcache.expiry.FakeTicker;
import org.stratacache.jcache.store.EntryExpiry;
import org.stratacache.jcache.store.FixedExpiry;
import org.stratacache.jcache.store.Lifetime;
import org.stratacache.jcache.store.StoreEventSink;
import org.stratacache.jcache.store.Want;

/** A bounded memory store never holds more than its bound and reports each eviction. */
class EvictionTest {

  @Test
  void boundIsKeptAndEvictionsReported() {
    List<String> evicted = new ArrayList<>();
    List<String> expired = new ArrayList<>();
    StoreEventSink<String, String> sink = new StoreEventSink<>() {
      @Override
      public void onExpired(String key, String value) {
        expired.add(key);
      }

      @Override
      public void onEvicted(String key, String value) {
        evicted.add(key);
      }
    };
    MemoryStore<String, String> store = new MemoryStore<>(100, new FakeTicker(), sink);
    for (int i = 0; i < 1_000; i++) {
      store.put("k" + i, "v" + i, EntryExpiry.ETERNAL_KEEP, Want.NOTHING);
      assertThat(store.estimatedSize()).isLessThanOrEqualTo(100);
    }
    assertThat(evicted).hasSize(900).doesNotHaveDuplicates();
    assertThat(expired).isEmpty();
  }

  @Test
  void expirationsAreReportedAsExpiredNotEvicted() {
    List<String> expired = new ArrayList<>();
    FakeTicker ticker = new FakeTicker();
    MemoryStore<String, String> store = new MemoryStore<>(0, ticker, new StoreEventSink<>() {
      @Override
      public void onExpired(String key, String value) {
        expired.add(key + "=" + value);
      }

      @Override
      public void onEvicted(String key, String value) {
        throw new AssertionError("nothing should be evicted");
      }
    });
    store.put("k", "v", new FixedExpiry(Lifetime.ofMillis(1_000), Lifetime.KEEP, Lifetime.KEEP), Want.NOTHING);
    ticker.advanceMillis(1_001);
    assertThat(store.get("k", EntryExpiry.ETERNAL_KEEP)).isNull();
    store.put("other", "x", EntryExpiry.ETERNAL_KEEP, Want.NOTHING);
    assertThat(expired).containsExactly("k=v");
  }
}
