package org.stratacache.jcache.store.memory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentMap;
import org.stratacache.jcache.expiry.Ticker;
import org.stratacache.jcache.store.Decision;
import org.stratacache.jcache.store.EntryExpiry;
import org.stratacache.jcache.store.Remapping;
import org.stratacache.jcache.store.Store;
import org.stratacache.jcache.store.StoreEntry;
import org.stratacache.jcache.store.StoreEventSink;
import org.stratacache.jcache.store.StoreOps;
import org.stratacache.jcache.store.TagIndex;

/**
 * A {@link Store} on a Caffeine cache. Expiry instants are Caffeine's variable expiry on the
 * injected {@link Ticker}, so expired entries are invisible at once and cleaned up by Caffeine.
 * Maintenance (eviction, expiry clean-up) runs on the calling thread, so a size bound and the
 * eviction count are exact when an operation returns.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class MemoryStore<K, V> implements Store<K, V> {

  private static final long NANOS_PER_MILLI = 1_000_000L;

  private final Cache<K, StoreEntry<V>> cache;
  private final ConcurrentMap<K, StoreEntry<V>> map;
  private final Ticker ticker;
  private final TagIndex<K> tags;

  /**
   * A store bounded to {@code maximumSize} entries ({@code 0} or less: unbounded).
   *
   * @param maximumSize the bound, or {@code 0} for none
   * @param ticker      the clock that expiry instants refer to
   * @param sink        told of expirations and evictions
   */
  public MemoryStore(long maximumSize, Ticker ticker, StoreEventSink<K, V> sink) {
    this.ticker = ticker;
    this.tags = new TagIndex<>(this::containsKey);
    Caffeine<K, StoreEntry<V>> builder = Caffeine.newBuilder()
        .executor(Runnable::run)
        .ticker(() -> ticker.millis() * NANOS_PER_MILLI)
        .expireAfter(new InstantExpiry<K, V>());
    if (maximumSize > 0) {
      builder.maximumSize(maximumSize);
    }
    this.cache = builder.evictionListener((K key, StoreEntry<V> entry, RemovalCause cause) -> {
      if (key == null || entry == null) {
        return;
      }
      tags.forget(key);
      if (cause == RemovalCause.EXPIRED) {
        sink.onExpired(key, entry.value());
      } else if (cause == RemovalCause.SIZE) {
        sink.onEvicted(key, entry.value());
      }
    }).build();
    this.map = cache.asMap();
  }

  @Override
  public StoreEntry<V> get(K key, EntryExpiry expiry) {
    StoreEntry<V> entry = map.get(key);
    if (entry == null || (expiry.isFixed() && expiry.onAccess() == EntryExpiry.KEEP)) {
      return entry;
    }
    return compute(key, StoreOps.access(expiry));
  }

  @Override
  public boolean containsKey(K key) {
    return map.containsKey(key);
  }

  @Override
  public <R> R compute(K key, Remapping<V, R> remapping) {
    @SuppressWarnings({"unchecked", "rawtypes"})
    Decision<V, R>[] applied = new Decision[1];
    map.compute(key, (k, current) -> {
      Decision<V, R> decision = remapping.remap(current);
      applied[0] = decision;
      return decision.applyTo(current, ticker.millis());
    });
    return applied[0].result();
  }

  @Override
  public Iterator<Map.Entry<K, V>> iterator() {
    Iterator<Map.Entry<K, StoreEntry<V>>> entries = map.entrySet().iterator();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return entries.hasNext();
      }

      @Override
      public Map.Entry<K, V> next() {
        Map.Entry<K, StoreEntry<V>> next = entries.next();
        return new SimpleImmutableEntry<>(next.getKey(), next.getValue().value());
      }
    };
  }

  @Override
  public void clear() {
    cache.invalidateAll();
    tags.clear();
  }

  @Override
  public void tag(K key, Collection<String> names, long lifetime) {
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

  /** Caffeine's view of an entry's lifetime: whatever is left until its expiry instant. */
  private static final class InstantExpiry<K, V> implements Expiry<K, StoreEntry<V>> {

    @Override
    public long expireAfterCreate(K key, StoreEntry<V> entry, long currentTime) {
      return remaining(entry, currentTime);
    }

    @Override
    public long expireAfterUpdate(K key, StoreEntry<V> entry, long currentTime, long currentDuration) {
      return remaining(entry, currentTime);
    }

    @Override
    public long expireAfterRead(K key, StoreEntry<V> entry, long currentTime, long currentDuration) {
      return currentDuration;
    }

    private static long remaining(StoreEntry<?> entry, long currentTimeNanos) {
      if (entry.expiresAt() == StoreEntry.NEVER) {
        return Long.MAX_VALUE;
      }
      long millis = entry.expiresAt() - currentTimeNanos / NANOS_PER_MILLI;
      if (millis <= 0) {
        return 0;
      }
      return millis >= Long.MAX_VALUE / NANOS_PER_MILLI ? Long.MAX_VALUE : millis * NANOS_PER_MILLI;
    }
  }
}
