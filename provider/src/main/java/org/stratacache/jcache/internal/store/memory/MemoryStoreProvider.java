package org.stratacache.jcache.internal.store.memory;

import java.util.List;
import org.stratacache.jcache.configuration.MemorySettings;
import org.stratacache.jcache.store.Store;
import org.stratacache.jcache.store.StoreContext;
import org.stratacache.jcache.store.StoreProvider;

/** Creates {@link MemoryStore}s, bounded by the memory section's maximum size. */
public final class MemoryStoreProvider implements StoreProvider {

  @Override
  public List<Class<?>> sections() {
    return List.of(MemorySettings.class);
  }

  @Override
  public <K, V> Store<K, V> createStore(StoreContext<K, V> context) {
    return new MemoryStore<>(context.section(MemorySettings.class).getMaximumSize(), context.ticker(),
        context.sink());
  }

  @Override
  public boolean isolatesValues() {
    return false;
  }
}
