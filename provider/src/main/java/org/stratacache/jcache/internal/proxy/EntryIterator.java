package org.stratacache.jcache.internal.proxy;

import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import javax.cache.Cache;

/**
 * Iterates a cache as JSR-107 requires: each entry returned counts as a hit and gets the access
 * expiry; {@link #remove()} removes through the cache (writer, listeners, statistics).
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class EntryIterator<K, V> implements Iterator<Cache.Entry<K, V>> {

  private final CacheProxy<K, V> cache;
  private final Iterator<Map.Entry<K, V>> entries;
  private Cache.Entry<K, V> next;
  private Cache.Entry<K, V> last;

  EntryIterator(CacheProxy<K, V> cache, Iterator<Map.Entry<K, V>> entries) {
    this.cache = cache;
    this.entries = entries;
  }

  @Override
  public boolean hasNext() {
    while (next == null && entries.hasNext()) {
      Map.Entry<K, V> entry = entries.next();
      next = cache.iterated(entry.getKey(), entry.getValue());
    }
    return next != null;
  }

  @Override
  public Cache.Entry<K, V> next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    last = next;
    next = null;
    return last;
  }

  @Override
  public void remove() {
    if (last == null) {
      throw new IllegalStateException("next() was not called, or remove() was already called for this entry");
    }
    cache.removeIterated(last.getKey());
    last = null;
  }
}
