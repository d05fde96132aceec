package org.stratacache.jcache.internal.store.memory;

import org.stratacache.jcache.configuration.StrataConfiguration;
import org.stratacache.jcache.store.Store;
import org.stratacache.jcache.store.StoreEventSink;
import org.stratacache.jcache.store.StoreProvider;

/** Creates {@link MemoryStore}s, bounded by the configuration's maximum size. */
public final class MemoryStoreProvider implements StoreProvider {

  @Override
  public <K, V> Store<K, V> createStore(String cacheName, StrataConfiguration<K, V> configuration,
                                        StoreEventSink<K, V> sink) {
    return new MemoryStore<>(configuration.getMaximumSize(), configuration.getTicker(), sink);
  }

  @Override
  public boolean isolatesValues() {
    return false;
  }
}
