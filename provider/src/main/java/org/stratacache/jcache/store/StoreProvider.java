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

  /**
   * Shares the events of a cache with other JVMs ({@code remote-events}).
   *
   * @throws IllegalArgumentException when this provider's stores are not shared between JVMs
   */
  default <K, V> RemoteEvents<K, V> remoteEvents(String cacheName, StrataConfiguration<K, V> configuration) {
    throw new IllegalArgumentException("Cache '" + cacheName + "': remote-events needs a store shared between JVMs "
        + "(redis)");
  }

  /** Whether this provider's stores copy values by themselves (serializing stores do). */
  boolean isolatesValues();
}
