package org.stratacache.jcache.internal.store.memory;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import org.stratacache.jcache.store.StoreEntry;

/**
 * Finds expired entries that nobody reads any more: each write checks the next few entries of a
 * cursor that walks the whole map round and round, so every entry is looked at once per
 * {@code size / STEP} writes, and a write pays a bounded cost. Idle until the first entry with a
 * finite lifetime is written, so an eternal cache pays nothing. Thread-safe: a thread that finds
 * the cursor busy skips its turn.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class ExpirySweep<K, V> {

  /** Entries a write checks. More than one, so the sweep outruns the writes that add entries. */
  static final int STEP = 4;

  private final ConcurrentMap<K, StoreEntry<V>> map;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile boolean active;
  private Iterator<Map.Entry<K, StoreEntry<V>>> cursor;

  ExpirySweep(ConcurrentMap<K, StoreEntry<V>> map) {
    this.map = map;
  }

  /** Tells the sweep that an entry with a finite lifetime exists. */
  void noteExpiring(StoreEntry<V> entry) {
    if (!active && entry != null && entry.expiresAt() != StoreEntry.NEVER) {
      active = true;
    }
  }

  /** Checks the next {@link #STEP} entries and hands each expired one to {@code expire}. */
  void step(long now, Expirer<K, V> expire) {
    if (!active || !lock.tryLock()) {
      return;
    }
    try {
      for (int i = 0; i < STEP; i++) {
        if (cursor == null || !cursor.hasNext()) {
          cursor = map.entrySet().iterator();
          if (!cursor.hasNext()) {
            return;
          }
        }
        Map.Entry<K, StoreEntry<V>> next = cursor.next();
        if (next.getValue().isExpiredAt(now)) {
          expire.expire(next.getKey(), next.getValue());
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /** Removes an entry found expired. */
  @FunctionalInterface
  interface Expirer<K, V> {
    void expire(K key, StoreEntry<V> entry);
  }
}
