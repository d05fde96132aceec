package org.stratacache.jcache.store;

/**
 * Decides, from the current entry, what an atomic operation does to it.
 *
 * <p>A store applies the decision atomically with respect to other writes of the same key. A store
 * may call {@link #remap} more than once for one operation (a remote store retries when another
 * writer got in between); only the decision of the last call is applied, so implementations must
 * not depend on being called once.
 *
 * @param <V> the value type
 * @param <R> the result type
 */
@FunctionalInterface
public interface Remapping<V, R> {

  /**
   * Decides what to do.
   *
   * @param current the live entry, or {@code null} when the key is absent or expired
   * @return the decision, never {@code null}
   */
  Decision<V, R> remap(StoreEntry<V> current);
}
