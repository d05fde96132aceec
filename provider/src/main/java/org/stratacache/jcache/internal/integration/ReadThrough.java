package org.stratacache.jcache.internal.integration;

import java.util.Map;
import java.util.Set;
import javax.cache.integration.CacheLoader;
import javax.cache.integration.CacheLoaderException;
import org.stratacache.jcache.internal.Messages;

/**
 * Calls the configured {@link CacheLoader}, wrapping anything it throws in a
 * {@link CacheLoaderException} as JSR-107 requires.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class ReadThrough<K, V> {

  private final CacheLoader<K, V> loader;

  /** Wraps {@code loader}. */
  public ReadThrough(CacheLoader<K, V> loader) {
    this.loader = loader;
  }

  /** The value for {@code key}, or {@code null} when the loader has none. */
  public V load(K key) {
    try {
      return loader.load(key);
    } catch (CacheLoaderException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new CacheLoaderException("The CacheLoader failed to load " + Messages.shorten(key), e);
    }
  }

  /** The values for {@code keys}; keys the loader has no value for are absent or map to {@code null}. */
  public Map<K, V> loadAll(Set<? extends K> keys) {
    try {
      Map<K, V> loaded = loader.loadAll(keys);
      return loaded == null ? Map.of() : loaded;
    } catch (CacheLoaderException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new CacheLoaderException("The CacheLoader failed to load " + keys.size() + " keys", e);
    }
  }

  /** The wrapped loader. */
  public CacheLoader<K, V> loader() {
    return loader;
  }
}
