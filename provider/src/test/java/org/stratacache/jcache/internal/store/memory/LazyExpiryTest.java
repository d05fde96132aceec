package org.stratacache.jcache.internal.store.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.stratacache.jcache.expiry.FakeTicker;
import org.stratacache.jcache.expiry.Ticker;
import org.stratacache.jcache.store.EntryExpiry;
import org.stratacache.jcache.store.FixedExpiry;
import org.stratacache.jcache.store.Lifetime;
import org.stratacache.jcache.store.StoreEventSink;
import org.stratacache.jcache.store.Want;

/** Expiry is checked when an entry is touched, and a sweep finds the expired entries nobody touches. */
class LazyExpiryTest {

  private final List<String> expired = new ArrayList<>();
  private final StoreEventSink<String, String> sink = new StoreEventSink<>() {
    @Override
    public void onExpired(String key, String value) {
      expired.add(key);
    }

    @Override
    public void onEvicted(String key, String value) {
      throw new AssertionError("nothing should be evicted");
    }
  };

  @Test
  void expiredEntriesNobodyReadsAreFoundByLaterWrites() {
    FakeTicker ticker = new FakeTicker();
    MemoryStore<String, String> store = new MemoryStore<>(0, ticker, sink);
    FixedExpiry oneSecond = new FixedExpiry(Lifetime.ofMillis(1_000), Lifetime.KEEP, Lifetime.KEEP);
    for (int i = 0; i < 20; i++) {
      store.put("short-" + i, "v", oneSecond, Want.NOTHING);
    }
    ticker.advanceMillis(1_001);
    for (int i = 0; i < 20; i++) {
      store.put("other-" + i, "v", EntryExpiry.ETERNAL_KEEP, Want.NOTHING);
    }
    assertThat(expired).hasSize(20).allMatch(key -> key.startsWith("short-")).doesNotHaveDuplicates();
    assertThat(store.estimatedSize()).isEqualTo(20);
  }

  @Test
  void anExpiredEntryIsReportedOnceWhenAWriteReplacesIt() {
    FakeTicker ticker = new FakeTicker();
    MemoryStore<String, String> store = new MemoryStore<>(0, ticker, sink);
    store.put("k", "old", new FixedExpiry(Lifetime.ofMillis(1_000), Lifetime.KEEP, Lifetime.KEEP), Want.NOTHING);
    ticker.advanceMillis(1_000);
    assertThat(store.putIfAbsent("k", "new", EntryExpiry.ETERNAL_KEEP).stored()).isTrue();
    assertThat(store.get("k", EntryExpiry.ETERNAL_KEEP).value()).isEqualTo("new");
    assertThat(expired).containsExactly("k");
  }

  @Test
  void expiredEntriesAreSkippedByTheIteratorAndContainsKey() {
    FakeTicker ticker = new FakeTicker();
    MemoryStore<String, String> store = new MemoryStore<>(0, ticker, sink);
    store.put("gone", "v", new FixedExpiry(Lifetime.ofMillis(1_000), Lifetime.KEEP, Lifetime.KEEP), Want.NOTHING);
    store.put("kept", "v", EntryExpiry.ETERNAL_KEEP, Want.NOTHING);
    ticker.advanceMillis(1_000);
    List<String> keys = new ArrayList<>();
    store.iterator().forEachRemaining(entry -> keys.add(entry.getKey()));
    assertThat(keys).containsExactly("kept");
    assertThat(store.containsKey("gone")).isFalse();
    assertThat(expired).containsExactly("gone");
  }

  @Test
  void readingAnEternalEntryNeverReadsTheClock() {
    AtomicLong reads = new AtomicLong();
    Ticker counting = () -> {
      reads.incrementAndGet();
      return 1_700_000_000_000L;
    };
    MemoryStore<String, String> store = new MemoryStore<>(0, counting, sink);
    store.put("k", "v", EntryExpiry.ETERNAL_KEEP, Want.NOTHING);
    long afterPut = reads.get();
    for (int i = 0; i < 100; i++) {
      assertThat(store.get("k", EntryExpiry.ETERNAL_KEEP).value()).isEqualTo("v");
      assertThat(store.containsKey("k")).isTrue();
    }
    assertThat(reads.get()).isEqualTo(afterPut);
  }
}
