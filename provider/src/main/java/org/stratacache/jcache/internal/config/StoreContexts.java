package org.stratacache.jcache.internal.config;

import java.util.HashMap;
import java.util.Map;
import org.stratacache.jcache.configuration.StrataConfiguration;
import org.stratacache.jcache.store.StoreContext;
import org.stratacache.jcache.store.StoreEventSink;
import org.stratacache.jcache.store.StoreProvider;

/** Hands a store provider the sections it reads of a cache's configuration, and nothing else. */
public final class StoreContexts {

  private StoreContexts() {
  }

  /** The context of cache {@code cacheName}'s store, made by {@code provider}. */
  public static <K, V> StoreContext<K, V> of(String cacheName, StrataConfiguration<K, V> configuration,
                                             StoreProvider provider, StoreEventSink<K, V> sink) {
    Map<Class<?>, Object> sections = new HashMap<>();
    for (Class<?> type : provider.sections()) {
      sections.put(type, configuration.getSection(type));
    }
    return StoreContext.of(cacheName, configuration.getKeyType(), configuration.getValueType(),
        configuration.getTicker(), sink, sections);
  }
}
