package org.stratacache.jcache.store;

import java.util.List;

/**
 * Creates the store behind one cache. A provider reads only the configuration sections it names in
 * {@link #sections()}, handed over in a {@link StoreContext}. Implementations are thread-safe.
 */
public interface StoreProvider {

  /** The configuration section classes this provider's stores read (given in every {@link StoreContext}). */
  List<Class<?>> sections();

  /**
   * Creates a store.
   *
   * @param context the cache's name, types, clock, event sink and the sections of {@link #sections()}
   * @return an open store
   * @throws StoreAccessException when the store cannot be reached
   */
  <K, V> Store<K, V> createStore(StoreContext<K, V> context);

  /**
   * Shares the events of a cache with other JVMs ({@code remote-events}).
   *
   * @throws IllegalArgumentException when this provider's stores are not shared between JVMs
   */
  default <K, V> RemoteEvents<K, V> remoteEvents(StoreContext<K, V> context) {
    throw new IllegalArgumentException("Cache '" + context.cacheName() + "': remote-events needs a store shared "
        + "between JVMs (redis)");
  }

  /** Whether this provider's stores copy values by themselves (serializing stores do). */
  boolean isolatesValues();
}
