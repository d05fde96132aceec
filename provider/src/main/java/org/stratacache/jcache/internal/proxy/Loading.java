package org.stratacache.jcache.internal.proxy;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import javax.cache.integration.CompletionListener;
import org.stratacache.jcache.internal.copy.Copier;
import org.stratacache.jcache.internal.integration.ReadThrough;
import org.stratacache.jcache.store.EntryExpiry;
import org.stratacache.jcache.store.Store;

/**
 * Values from the cache loader into the store, for one view of a cache: read-through misses,
 * {@code loadAll} and warm-up. A loaded value is stored only if no other value arrived meanwhile
 * (unless {@code loadAll} replaces), and loads are not counted as puts.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class Loading<K, V> {

  private final CacheCore<K, V> core;
  private final Store<K, V> store;
  private final Copier copier;
  private final EntryExpiry expiry;
  private final StoreWrites<K, V> writes;

  Loading(CacheCore<K, V> core, EntryExpiry expiry, StoreWrites<K, V> writes) {
    this.core = core;
    this.store = core.store();
    this.copier = core.copier();
    this.expiry = expiry;
    this.writes = writes;
  }

  /** Stores a loaded value unless another one arrived meanwhile; returns it ({@code null} stays null). */
  V store(K key, V loaded) {
    if (loaded == null) {
      return null;
    }
    writes.applied(key, loaded, store.putIfAbsent(copier.copy(key), copier.copy(loaded), expiry));
    return loaded;
  }

  /**
   * Loads the {@code requested} keys missing from {@code found} and stores them.
   *
   * @return the loaded values the loader returned for requested keys
   */
  Map<K, V> loadMissing(ReadThrough<K, V> loader, Collection<? extends K> requested, Map<K, V> found) {
    Set<K> missing = new LinkedHashSet<>();
    for (K key : requested) {
      if (!found.containsKey(key)) {
        missing.add(key);
      }
    }
    Map<K, V> loaded = new LinkedHashMap<>();
    loader.loadAll(missing).forEach((key, value) -> {
      if (key != null && value != null && missing.contains(key)) {
        loaded.put(key, store(key, value));
      }
    });
    return loaded;
  }

  /** {@code Cache.loadAll}: runs on the loader pool and tells {@code listener} how it ended. */
  void loadAll(Set<? extends K> keys, boolean replaceExistingValues, CompletionListener listener) {
    ReadThrough<K, V> loader = core.loader();
    if (loader == null) {
      if (listener != null) {
        listener.onCompletion();
      }
      return;
    }
    Set<K> requested = new LinkedHashSet<>(keys);
    core.runLoad(() -> {
      try {
        Set<K> toLoad = new LinkedHashSet<>();
        for (K key : requested) {
          if (replaceExistingValues || !store.containsKey(key)) {
            toLoad.add(key);
          }
        }
        if (!toLoad.isEmpty()) {
          loader.loadAll(toLoad).forEach((key, value) -> storeLoaded(key, value, replaceExistingValues));
        }
        if (listener != null) {
          listener.onCompletion();
        }
      } catch (RuntimeException e) {
        if (listener != null) {
          listener.onException(e);
        }
      }
    });
  }

  private void storeLoaded(K key, V value, boolean replace) {
    if (key == null || value == null) {
      return;
    }
    if (replace) {
      writes.applied(key, value, store.put(copier.copy(key), copier.copy(value), expiry, writes.putWant()));
    } else {
      store(key, value);
    }
  }
}
