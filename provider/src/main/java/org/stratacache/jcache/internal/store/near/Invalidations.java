package org.stratacache.jcache.internal.store.near;

/**
 * What a remote store tells a near cache. {@link #invalidate} is called on the cache manager's
 * inbound pool (keys are decoded there); the others may be called on the remote client's I/O
 * threads and must be quick. None may call back into the store.
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
