package org.stratacache.jcache.internal.store.memory;

import org.stratacache.jcache.expiry.FakeTicker;
import org.stratacache.jcache.store.EntryExpiry;
import org.stratacache.jcache.store.Store;
import org.stratacache.jcache.store.StoreContractTest;
import org.stratacache.jcache.store.StoreEntry;
import org.stratacache.jcache.store.StoreEventSink;

/** The in-memory store keeps the Store contract, on a fake clock. */
class MemoryStoreContractTest extends StoreContractTest {

  private final FakeTicker ticker = new FakeTicker();

  @Override
  protected Store<String, String> createStore() {
    return new MemoryStore<>(0, ticker, StoreEventSink.none());
  }

  @Override
  protected void advancePastShort() {
    ticker.advanceMillis(SHORT + 1);
  }

  @Override
  protected long remainingMillis(String key) {
    StoreEntry<String> entry = store.get(key, EntryExpiry.ETERNAL_KEEP);
    if (entry == null) {
      return -2;
    }
    return entry.expiresAt() == StoreEntry.NEVER ? -1 : entry.expiresAt() - ticker.millis();
  }
}
