package org.stratacache.jcache.internal.store.memory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentMap;
import org.stratacache.jcache.expiry.Ticker;
import org.stratacache.jcache.store.Decision;
import org.stratacache.jcache.store.EntryExpiry;
import org.stratacache.jcache.store.Lifetime;
import org.stratacache.jcache.store.Remapping;
import org.stratacache.jcache.store.Store;
import org.stratacache.jcache.store.StoreEntry;
import org.stratacache.jcache.store.StoreEventSink;
import org.stratacache.jcache.store.StoreOps;
import org.stratacache.jcache.store.TagIndex;
import org.stratacache.jcache.store.Want;
import org.stratacache.jcache.store.WriteResult;

/**
 * A {@link Store} on a Caffeine cache. Caffeine bounds the size (W-TinyLFU); expiry instants are
 * checked here, against the injected {@link Ticker}, when an entry is touched: an expired entry is
 * invisible at once, removed and reported on the first read or write that meets it, and an
 * {@link ExpirySweep} finds those nobody touches again. So a cache whose entries never expire reads
 * a plain concurrent map (Caffeine builds no timer wheel and no read buffer for it) and never reads
 * the clock. Maintenance (eviction) runs on the calling thread, so a size bound and the eviction
 * count are exact when an operation returns.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class MemoryStore<K, V> implements Store<K, V> {

  private final Cache<K, StoreEntry<V>> cache;
  private final ConcurrentMap<K, StoreEntry<V>> map;
  private final Ticker ticker;
  private final StoreEventSink<K, V> sink;
  private final TagIndex<K> tags;
  private final ExpirySweep<K, V> sweep;

  /**
   * A store bounded to {@code maximumSize} entries ({@code 0} or less: unbounded).
   *
   * @param maximumSize the bound, or {@code 0} for none
   * @param ticker      the clock that expiry instants refer to
   * @param sink        told of expirations and evictions
   */
  public MemoryStore(long maximumSize, Ticker ticker, StoreEventSink<K, V> sink) {
    this.ticker = ticker;
    this.sink = sink;
    this.tags = new TagIndex<>(this::containsKey);
    Caffeine<Object, Object> builder = Caffeine.newBuilder().executor(Runnable::run);
    if (maximumSize > 0) {
      builder.maximumSize(maximumSize);
    }
    this.cache = builder.evictionListener((K key, StoreEntry<V> entry, RemovalCause cause) -> {
      if (key != null && entry != null && cause == RemovalCause.SIZE) {
        tags.forget(key);
        sink.onEvicted(key, entry.value());
      }
    }).build();
    this.map = cache.asMap();
    this.sweep = new ExpirySweep<>(map);
  }

  @Override
  public StoreEntry<V> get(K key, EntryExpiry expiry) {
    StoreEntry<V> entry = map.get(key);
    if (entry == null) {
      return null;
    }
    if (entry.expiresAt() != StoreEntry.NEVER && entry.isExpiredAt(ticker.millis())) {
      expire(key, entry);
      return null;
    }
    if (expiry.readsKeepLifetime()) {
      return entry;
    }
    return compute(key, StoreOps.access(expiry));
  }

  @Override
  public Lifetime remainingLifetime(K key) {
    StoreEntry<V> entry = map.get(key);
    if (entry == null) {
      return null;
    }
    if (entry.expiresAt() == StoreEntry.NEVER) {
      return Lifetime.ETERNAL;
    }
    long left = entry.expiresAt() - ticker.millis();
    return left > 0 ? Lifetime.ofMillis(left) : null;  // expired: reported by the next read, not by this one
  }

  @Override
  public boolean containsKey(K key) {
    StoreEntry<V> entry = map.get(key);
    if (entry != null && entry.expiresAt() != StoreEntry.NEVER && entry.isExpiredAt(ticker.millis())) {
      expire(key, entry);
      return false;
    }
    return entry != null;
  }

  @Override
  public <R> R compute(K key, Remapping<V, R> remapping) {
    Applied<V, R> applied = new Applied<>();
    long now = ticker.millis();
    StoreEntry<V> stored = map.compute(key, (k, current) -> {
      StoreEntry<V> live = current;
      if (current != null && current.isExpiredAt(now)) {
        applied.expired = current;
        live = null;
      }
      applied.decision = remapping.remap(live);
      return applied.decision.applyTo(live, now);
    });
    if (applied.expired != null) {
      reportExpired(key, applied.expired);
    }
    sweep.noteExpiring(stored);
    sweep.step(now, this::expire);
    return applied.decision.result();
  }

  /** What a compute decided, and the expired entry it replaced: one allocation per write. */
  private static final class Applied<V, R> {
    private Decision<V, R> decision;
    private StoreEntry<V> expired;
  }

  /** One write per entry, results in a map sized once (the default's grows as it fills). */
  @Override
  public Map<K, WriteResult<V>> putAll(Map<? extends K, ? extends V> entries, EntryExpiry expiry, Want want) {
    Map<K, WriteResult<V>> results = new HashMap<>(Math.max(16, entries.size() * 2));
    for (Map.Entry<? extends K, ? extends V> entry : entries.entrySet()) {
      results.put(entry.getKey(), put(entry.getKey(), entry.getValue(), expiry, want));
    }
    return results;
  }

  /** Removes {@code entry} if it is still the one under {@code key}, and reports its expiry. */
  private void expire(K key, StoreEntry<V> entry) {
    if (map.remove(key, entry)) {
      reportExpired(key, entry);
    }
  }

  private void reportExpired(K key, StoreEntry<V> entry) {
    tags.forget(key);
    sink.onExpired(key, entry.value());
  }

  @Override
  public Iterator<Map.Entry<K, V>> iterator() {
    Iterator<Map.Entry<K, StoreEntry<V>>> entries = map.entrySet().iterator();
    return new Iterator<>() {
      private Map.Entry<K, V> next = advance();

      private Map.Entry<K, V> advance() {
        long now = ticker.millis();
        while (entries.hasNext()) {
          Map.Entry<K, StoreEntry<V>> candidate = entries.next();
          if (candidate.getValue().isExpiredAt(now)) {
            expire(candidate.getKey(), candidate.getValue());
          } else {
            return new SimpleImmutableEntry<>(candidate.getKey(), candidate.getValue().value());
          }
        }
        return null;
      }

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public Map.Entry<K, V> next() {
        if (next == null) {
          throw new NoSuchElementException();
        }
        Map.Entry<K, V> current = next;
        next = advance();
        return current;
      }
    };
  }

  @Override
  public void clear() {
    cache.invalidateAll();
    tags.clear();
  }

  @Override
  public void tag(K key, Collection<String> names, Lifetime lifetime) {
    tags.add(key, names);
  }

  @Override
  public Collection<K> taggedKeys(String tag) {
    return tags.keys(tag);
  }

  @Override
  public void untag(String tag, Collection<? extends K> keys) {
    tags.remove(tag, keys);
  }

  @Override
  public long estimatedSize() {
    return cache.estimatedSize();
  }

  @Override
  public void close() {
    cache.invalidateAll();
    cache.cleanUp();
  }
}
