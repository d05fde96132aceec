package org.stratacache.jcache.internal.store.resilience;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.stratacache.jcache.store.Store;
import org.stratacache.jcache.store.Want;

/**
 * The keys written or removed while the remote store could not be reached, so that none of them
 * reads back its value from before the outage: they are deleted from the remote store before it
 * serves again. Bounded: past {@value #MAX_KEYS} keys, or after a {@code clear()}, the whole
 * namespace is cleared instead. Thread-safe.
 *
 * @param <K> the key type
 */
final class OutageWrites<K> {

  /** How many keys are remembered before the whole namespace is cleared on recovery instead. */
  static final int MAX_KEYS = 10_000;

  private final Set<K> keys = ConcurrentHashMap.newKeySet();
  private volatile boolean clearAll;

  void touched(K key) {
    if (!clearAll) {
      keys.add(key);
      if (keys.size() > MAX_KEYS) {
        cleared();
      }
    }
  }

  void touched(Collection<? extends K> written) {
    written.forEach(this::touched);
  }

  void cleared() {
    clearAll = true;
    keys.clear();
  }

  boolean isEmpty() {
    return !clearAll && keys.isEmpty();
  }

  /**
   * Deletes the keys touched so far from {@code remote} and forgets them, while writes may go on:
   * a key touched again meanwhile holds nothing on the remote store until the circuit closes.
   * Does nothing when the whole namespace is to be cleared (see {@link #deleteFrom}).
   *
   * @throws org.stratacache.jcache.store.StoreAccessException when the remote store fails; nothing is
   *                                                           forgotten then
   */
  void deleteKeysFrom(Store<K, ?> remote) {
    if (!clearAll && !keys.isEmpty()) {
      List<K> pending = new ArrayList<>(keys);
      remote.removeAll(pending, Want.NOTHING);
      pending.forEach(keys::remove);
    }
  }

  /**
   * Deletes what was touched from {@code remote} (the whole namespace past the bound or after a
   * clear), then forgets it. Called with no write running against the degraded store.
   *
   * @throws org.stratacache.jcache.store.StoreAccessException when the remote store fails; nothing is
   *                                                           forgotten then
   */
  void deleteFrom(Store<K, ?> remote) {
    if (clearAll) {
      remote.clear();
      clearAll = false;
      keys.clear();
    } else {
      deleteKeysFrom(remote);
    }
  }
}
