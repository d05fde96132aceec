package org.stratacache.jcache.store.near;

/**
 * What a remote store tells a near cache. Called on the remote client's I/O threads: must be quick
 * and must not call back into the store.
 *
 * @param <K> the key type
 */
public interface Invalidations<K> {

  /** {@code key} changed (written, removed, expired or evicted) in the remote store. */
  void invalidate(K key);

  /** Anything may have changed (a flush), or invalidations may have been lost (a disconnection). */
  void invalidateAll();

  /** Invalidations flow again after {@link #suspend()}; nothing changed before this may be trusted. */
  void resume();

  /** Invalidations cannot be delivered (the tracking connection is down): stop serving from memory. */
  void suspend();
}
