package org.stratacache.jcache.store;

import org.stratacache.jcache.configuration.StrataConfiguration;

/** Creates the store behind one cache. Implementations are thread-safe. */
public interface StoreProvider {

  /**
   * Creates a store.
   *
   * @param cacheName     the cache's name (a remote store uses it in its key namespace)
   * @param configuration the cache's resolved configuration
   * @param sink          told of expirations and evictions the store makes on its own
   * @return an open store
   * @throws StoreAccessException when the store cannot be reached
   */
  <K, V> Store<K, V> createStore(String cacheName, StrataConfiguration<K, V> configuration,
                                 StoreEventSink<K, V> sink);

  /** Whether this provider's stores copy values by themselves (serializing stores do). */
  boolean isolatesValues();
}
