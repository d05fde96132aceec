package org.stratacache.jcache.internal.store.resilience;

import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.stratacache.jcache.store.EntryExpiry;
import org.stratacache.jcache.store.Lifetime;
import org.stratacache.jcache.store.Remapping;
import org.stratacache.jcache.store.Store;
import org.stratacache.jcache.store.StoreEntry;
import org.stratacache.jcache.store.Want;
import org.stratacache.jcache.store.WriteResult;

/**
 * A store that holds nothing: every read misses, every write is dropped and counted. What a cache
 * with the {@code MISS} resilience policy uses while Redis is away.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class DroppingStore<K, V> implements Store<K, V> {

  private final LongAdder dropped = new LongAdder();

  long dropped() {
    return dropped.sum();
  }

  @Override
  public StoreEntry<V> get(K key, EntryExpiry expiry) {
    return null;
  }

  @Override
  public boolean containsKey(K key) {
    return false;
  }

  @Override
  public <R> R compute(K key, Remapping<V, R> remapping) {
    dropped.increment();
    return remapping.remap(null).result();
  }

  @Override
  public WriteResult<V> put(K key, V value, EntryExpiry expiry, Want want) {
    dropped.increment();
    return WriteResult.discarded();
  }

  @Override
  public WriteResult<V> putIfAbsent(K key, V value, EntryExpiry expiry) {
    dropped.increment();
    return WriteResult.discarded();
  }

  @Override
  public WriteResult<V> replace(K key, V value, EntryExpiry expiry, Want want) {
    return WriteResult.absent();
  }

  @Override
  public WriteResult<V> replace(K key, V expected, V value, EntryExpiry expiry) {
    return WriteResult.absent();
  }

  @Override
  public WriteResult<V> remove(K key, Want want) {
    return WriteResult.absent();
  }

  @Override
  public WriteResult<V> remove(K key, V expected, EntryExpiry expiry) {
    return WriteResult.absent();
  }

  @Override
  public Map<K, WriteResult<V>> putAll(Map<? extends K, ? extends V> entries, EntryExpiry expiry, Want want) {
    dropped.add(entries.size());
    Map<K, WriteResult<V>> results = new LinkedHashMap<>();
    entries.keySet().forEach(key -> results.put(key, WriteResult.discarded()));
    return results;
  }

  @Override
  public Iterator<Map.Entry<K, V>> iterator() {
    return Collections.emptyIterator();
  }

  @Override
  public void clear() {
    dropped.increment();
  }

  @Override
  public long estimatedSize() {
    return -1;
  }

  @Override
  public Lifetime remainingLifetime(K key) {
    return null;
  }

  @Override
  public void tag(K key, Collection<String> tags, Lifetime lifetime) {
    dropped.increment();
  }

  @Override
  public Collection<K> taggedKeys(String tag) {
    return List.of();
  }

  @Override
  public void untag(String tag, Collection<? extends K> keys) {
    dropped.increment();
  }

  @Override
  public void close() {
    // nothing held
  }
}
