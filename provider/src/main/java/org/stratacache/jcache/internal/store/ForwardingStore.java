package org.stratacache.jcache.internal.store;

import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.stratacache.jcache.store.EntryExpiry;
import org.stratacache.jcache.store.Lifetime;
import org.stratacache.jcache.store.Remapping;
import org.stratacache.jcache.store.Store;
import org.stratacache.jcache.store.StoreEntry;
import org.stratacache.jcache.store.StoreMetrics;
import org.stratacache.jcache.store.Want;
import org.stratacache.jcache.store.WriteResult;

/**
 * A store that hands every operation of the Store SPI to another one. Each operation goes through
 * one of two hooks, {@link #forward} (it changes no entry) or {@link #write} (it may change the
 * entries of the keys it names), so a wrapper that treats every write alike (drops a local copy,
 * remembers the key) overrides a hook instead of each method; it overrides a method only where it
 * does something else. {@link #clear}, {@link #metrics}, {@link #close} and {@link #destroy} go
 * straight to {@link #delegate()}.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public abstract class ForwardingStore<K, V> implements Store<K, V> {

  /** The store operations go to. */
  protected abstract Store<K, V> delegate();

  /** Runs an operation that changes no entry: reads, iteration, sizes, tag records. */
  protected <T> T forward(Function<Store<K, V>, T> operation) {
    return operation.apply(delegate());
  }

  /** Runs an operation that may change the entries of {@code keys}. */
  protected <T> T write(Collection<? extends K> keys, Function<Store<K, V>, T> operation) {
    return operation.apply(delegate());
  }

  @Override
  public StoreEntry<V> get(K key, EntryExpiry expiry) {
    return forward(store -> store.get(key, expiry));
  }

  @Override
  public boolean containsKey(K key) {
    return forward(store -> store.containsKey(key));
  }

  @Override
  public Map<K, V> getAll(Collection<? extends K> keys, EntryExpiry expiry) {
    return forward(store -> store.getAll(keys, expiry));
  }

  @Override
  public <R> R compute(K key, Remapping<V, R> remapping) {
    return write(List.of(key), store -> store.compute(key, remapping));
  }

  @Override
  public WriteResult<V> put(K key, V value, EntryExpiry expiry, Want want) {
    return write(List.of(key), store -> store.put(key, value, expiry, want));
  }

  @Override
  public WriteResult<V> putIfAbsent(K key, V value, EntryExpiry expiry) {
    return write(List.of(key), store -> store.putIfAbsent(key, value, expiry));
  }

  @Override
  public WriteResult<V> replace(K key, V value, EntryExpiry expiry, Want want) {
    return write(List.of(key), store -> store.replace(key, value, expiry, want));
  }

  @Override
  public WriteResult<V> replace(K key, V expected, V value, EntryExpiry expiry) {
    return write(List.of(key), store -> store.replace(key, expected, value, expiry));
  }

  @Override
  public WriteResult<V> remove(K key, Want want) {
    return write(List.of(key), store -> store.remove(key, want));
  }

  @Override
  public WriteResult<V> remove(K key, V expected, EntryExpiry expiry) {
    return write(List.of(key), store -> store.remove(key, expected, expiry));
  }

  @Override
  public Map<K, WriteResult<V>> putAll(Map<? extends K, ? extends V> entries, EntryExpiry expiry, Want want) {
    return write(entries.keySet(), store -> store.putAll(entries, expiry, want));
  }

  @Override
  public Map<K, WriteResult<V>> removeAll(Collection<? extends K> keys, Want want) {
    return write(keys, store -> store.removeAll(keys, want));
  }

  @Override
  public Iterator<Map.Entry<K, V>> iterator() {
    return forward(Store::iterator);
  }

  @Override
  public Iterator<K> keys(String glob) {
    return forward(store -> store.keys(glob));
  }

  @Override
  public long estimatedSize() {
    return forward(Store::estimatedSize);
  }

  @Override
  public Lifetime remainingLifetime(K key) {
    return forward(store -> store.remainingLifetime(key));
  }

  @Override
  public void tag(K key, Collection<String> tags, Lifetime lifetime) {
    forward(store -> {
      store.tag(key, tags, lifetime);
      return null;
    });
  }

  @Override
  public Collection<K> taggedKeys(String tag) {
    return forward(store -> store.taggedKeys(tag));
  }

  @Override
  public void untag(String tag, Collection<? extends K> keys) {
    forward(store -> {
      store.untag(tag, keys);
      return null;
    });
  }

  @Override
  public void clear() {
    delegate().clear();
  }

  @Override
  public StoreMetrics metrics() {
    return delegate().metrics();
  }

  @Override
  public void close() {
    delegate().close();
  }

  @Override
  public void destroy() {
    delegate().destroy();
  }
}
