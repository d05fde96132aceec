package org.stratacache.jcache.internal.store.near;

import java.util.Collection;
import java.util.Map;
import org.stratacache.jcache.store.Store;
import org.stratacache.jcache.store.StoreEntry;

/**
 * A remote store a near cache can sit in front of: it reads an entry with its expiry instant, and
 * tells the near cache about every change to its keys, made by any client.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface RemoteSource<K, V> extends Store<K, V> {

  /**
   * Reads live entries with their expiry instants, applying no lifetime, in one round trip where
   * the store can.
   *
   * @param now the near cache's clock, epoch milliseconds, to turn remaining lifetimes into instants
   * @return the entries found; absent keys are missing from the map
   */
  Map<K, StoreEntry<V>> readAllWithExpiry(Collection<? extends K> keys, long now);

  /**
   * Starts delivering invalidations to {@code listener} until the returned handle is closed.
   *
   * @throws org.stratacache.jcache.store.StoreAccessException when the remote store cannot track keys
   */
  AutoCloseable track(Invalidations<K> listener);
}
