package org.stratacache.jcache.internal.store.near;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.stratacache.jcache.expiry.Ticker;
import org.stratacache.jcache.internal.copy.Copier;
import org.stratacache.jcache.internal.store.ForwardingStore;
import org.stratacache.jcache.store.EntryExpiry;
import org.stratacache.jcache.store.Store;
import org.stratacache.jcache.store.StoreAccessException;
import org.stratacache.jcache.store.StoreEntry;
import org.stratacache.jcache.store.StoreMetrics;

/**
 * A bounded in-memory copy of the entries read from a remote store, in front of it. Reads whose
 * expiry policy leaves the lifetime unchanged on access are served from memory while the remote
 * store delivers invalidations; every other operation goes to the remote store. Writes through this
 * store drop the local copy at once; writes by other clients drop it when their invalidation
 * arrives. While invalidations cannot be delivered, nothing is served from memory.
 *
 * <p>A read that misses puts a placeholder before asking the remote store and replaces it with the
 * entry only if no invalidation removed the placeholder meanwhile, so an invalidation that overtakes
 * a read can never leave an old value behind. A read that keeps nothing (it lost its placeholder, or
 * went to the remote store because it may change the entry's lifetime) drops the key, so that no
 * older copy a concurrent read kept can follow what it returned: reads in one JVM never go back in
 * time. Values are copied out, so callers cannot change the held copy.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class NearCacheStore<K, V> extends ForwardingStore<K, V> implements Invalidations<K> {

  private final RemoteSource<K, V> remote;
  private final Cache<K, Object> local;
  private final ConcurrentMap<K, Object> held;
  private final Copier copier;
  private final Ticker ticker;
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();
  private final AutoCloseable tracking;
  private volatile boolean trusted = true;

  /**
   * A near cache of at most {@code maximumSize} entries in front of {@code remote}.
   *
   * @throws StoreAccessException when the remote store cannot deliver invalidations
   */
  public NearCacheStore(RemoteSource<K, V> remote, long maximumSize, Copier copier, Ticker ticker) {
    this.remote = remote;
    this.local = Caffeine.newBuilder().maximumSize(maximumSize).executor(Runnable::run).build();
    this.held = local.asMap();
    this.copier = copier;
    this.ticker = ticker;
    this.tracking = remote.track(this);
  }

  /** Marks a read in flight; an invalidation removes it, and the read then keeps nothing. */
  private static final class Placeholder {
  }

  private boolean servesFromMemory(EntryExpiry expiry) {
    return trusted && expiry.readsKeepLifetime();
  }

  @SuppressWarnings("unchecked")
  private StoreEntry<V> live(K key, long now) {
    Object entry = held.get(key);
    if (entry instanceof StoreEntry<?> stored && !stored.isExpiredAt(now)) {
      return (StoreEntry<V>) stored;
    }
    return null;
  }

  private StoreEntry<V> copyOut(StoreEntry<V> entry) {
    return new StoreEntry<>(copier.copy(entry.value()), entry.expiresAt());
  }

  // ---- reads

  @Override
  public StoreEntry<V> get(K key, EntryExpiry expiry) {
    if (!servesFromMemory(expiry)) {
      // the read may have changed the entry's lifetime (a view's access expiry) or seen a newer value
      return dropping(key, remote.get(key, expiry));
    }
    long now = ticker.millis();
    StoreEntry<V> local = live(key, now);
    if (local != null) {
      hits.increment();
      return copyOut(local);
    }
    misses.increment();
    return fill(List.of(key), now).get(key);
  }

  @Override
  public Map<K, V> getAll(Collection<? extends K> keys, EntryExpiry expiry) {
    if (!servesFromMemory(expiry)) {
      Map<K, V> found = remote.getAll(keys, expiry);
      keys.forEach(held::remove);
      return found;
    }
    long now = ticker.millis();
    Map<K, V> found = new LinkedHashMap<>();
    List<K> missing = new ArrayList<>();
    for (K key : keys) {
      StoreEntry<V> local = live(key, now);
      if (local == null) {
        missing.add(key);
      } else {
        found.put(key, copier.copy(local.value()));
      }
    }
    hits.add(found.size());
    misses.add(missing.size());
    if (!missing.isEmpty()) {
      fill(missing, now).forEach((key, entry) -> found.put(key, entry.value()));
    }
    return found;
  }

  /** Reads {@code keys} from the remote store, keeping a copy of each one no invalidation overtook. */
  private Map<K, StoreEntry<V>> fill(List<K> keys, long now) {
    Map<K, Placeholder> placed = new LinkedHashMap<>();
    for (K key : keys) {
      Placeholder placeholder = new Placeholder();
      held.put(key, placeholder);
      placed.put(key, placeholder);
    }
    Map<K, StoreEntry<V>> read;
    try {
      read = remote.readAllWithExpiry(keys, now);
    } catch (RuntimeException e) {
      placed.forEach(held::remove);
      throw e;
    }
    placed.forEach((key, placeholder) -> {
      StoreEntry<V> entry = read.get(key);
      if (entry == null || entry.isExpiredAt(now) || !held.replace(key, placeholder, copyOut(entry))) {
        // another read may have reserved the key after this one and read an older value before it:
        // what this read returns must not be followed by that older copy
        held.remove(key);
      }
    });
    return read;
  }

  @Override
  public boolean containsKey(K key) {
    if (trusted && live(key, ticker.millis()) != null) {
      return true;
    }
    return remote.containsKey(key);
  }

  // ---- writes: the remote store decides, the local copy is dropped

  private <T> T dropping(K key, T result) {
    held.remove(key);
    return result;
  }

  /** Drops the local copies of {@code keys} before the write and again after it (a read may have refilled one). */
  @Override
  protected <T> T write(Collection<? extends K> keys, Function<Store<K, V>, T> operation) {
    keys.forEach(held::remove);
    try {
      return operation.apply(remote);
    } finally {
      keys.forEach(held::remove);
    }
  }

  @Override
  public void clear() {
    local.invalidateAll();
    remote.clear();
    local.invalidateAll();
  }

  // ---- the rest is the remote store's

  @Override
  protected Store<K, V> delegate() {
    return remote;
  }

  @Override
  public StoreMetrics metrics() {
    return remote.metrics().withNear(hits.sum(), misses.sum());
  }

  @Override
  public void close() {
    stopTracking();
    local.invalidateAll();
    remote.close();
  }

  @Override
  public void destroy() {
    stopTracking();
    local.invalidateAll();
    remote.destroy();
  }

  private void stopTracking() {
    trusted = false;
    try {
      tracking.close();
    } catch (Exception e) {
      throw new StoreAccessException("Cannot stop tracking keys: " + e.getMessage(), e);
    }
  }

  // ---- invalidations, from the remote client's threads

  @Override
  public void invalidate(K key) {
    held.remove(key);
  }

  @Override
  public void invalidateAll() {
    local.invalidateAll();
  }

  @Override
  public void suspend() {
    trusted = false;
    local.invalidateAll();
  }

  @Override
  public void resume() {
    local.invalidateAll();
    trusted = true;
  }

  /** Entries held in memory now (placeholders of reads in flight included), for tests. */
  long heldEntries() {
    return local.estimatedSize();
  }
}
