package org.stratacache.jcache.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Where a cache keeps its entries: values with their expiry instant, keyed by the cache's keys.
 *
 * <p>A store knows nothing of JSR-107 (no listeners, loaders, writers, statistics or copying); the
 * semantics layer maps each {@code javax.cache.Cache} call onto these operations. All methods are
 * thread-safe; single-key operations are atomic with respect to other operations on the same key.
 * Keys and values passed in are never {@code null} and are owned by the store afterwards. Every
 * method may throw {@link StoreAccessException} when the store cannot be reached.
 *
 * <p>The default methods define the behaviour in terms of {@link #compute}; a store overrides them
 * only to do the same thing faster (one round trip, a native command).
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface Store<K, V> extends AutoCloseable {

  /**
   * Reads a live entry and applies the access lifetime of {@code expiry} to it.
   *
   * @return the entry as it was read, or {@code null} when absent or expired
   */
  StoreEntry<V> get(K key, EntryExpiry expiry);

  /** Whether a live entry exists; applies no lifetime. */
  boolean containsKey(K key);

  /**
   * Reads several entries, applying the access lifetime to each one found.
   *
   * @return the values found, keyed by the given keys; absent keys are missing from the map
   */
  default Map<K, V> getAll(Collection<? extends K> keys, EntryExpiry expiry) {
    Map<K, V> found = new LinkedHashMap<>();
    for (K key : keys) {
      StoreEntry<V> entry = get(key, expiry);
      if (entry != null) {
        found.put(key, entry.value());
      }
    }
    return found;
  }

  /**
   * Runs {@code remapping} against the current entry and applies its decision atomically.
   * The remapping may run more than once; exceptions it throws leave the entry unchanged and
   * propagate to the caller.
   *
   * @return the result of the applied decision
   */
  <R> R compute(K key, Remapping<V, R> remapping);

  /** {@link StoreOps#put}: create or update. */
  default WriteResult<V> put(K key, V value, EntryExpiry expiry, Want want) {
    return compute(key, StoreOps.put(value, expiry, WriteHook.none()));
  }

  /** {@link StoreOps#putIfAbsent}: create only. */
  default WriteResult<V> putIfAbsent(K key, V value, EntryExpiry expiry) {
    return compute(key, StoreOps.putIfAbsent(value, expiry, WriteHook.none()));
  }

  /** {@link StoreOps#replace(Object, EntryExpiry, WriteHook)}: update only. */
  default WriteResult<V> replace(K key, V value, EntryExpiry expiry, Want want) {
    return compute(key, StoreOps.replace(value, expiry, WriteHook.none()));
  }

  /** {@link StoreOps#replace(Object, Object, EntryExpiry, WriteHook)}: compare and set. */
  default WriteResult<V> replace(K key, V expected, V value, EntryExpiry expiry) {
    return compute(key, StoreOps.replace(expected, value, expiry, WriteHook.none()));
  }

  /** {@link StoreOps#remove(WriteHook)}: unconditional removal. */
  default WriteResult<V> remove(K key, Want want) {
    return compute(key, StoreOps.remove(WriteHook.none()));
  }

  /** {@link StoreOps#remove(Object, EntryExpiry, WriteHook)}: compare and remove. */
  default WriteResult<V> remove(K key, V expected, EntryExpiry expiry) {
    return compute(key, StoreOps.remove(expected, expiry, WriteHook.none()));
  }

  /** Puts every entry as {@link #put} would, in one batch where the store can; results keyed by key. */
  default Map<K, WriteResult<V>> putAll(Map<? extends K, ? extends V> entries, EntryExpiry expiry, Want want) {
    Map<K, WriteResult<V>> results = new LinkedHashMap<>();
    entries.forEach((key, value) -> results.put(key, put(key, value, expiry, want)));
    return results;
  }

  /** Removes every key as {@link #remove(Object, Want)} would, in one batch where the store can. */
  default Map<K, WriteResult<V>> removeAll(Collection<? extends K> keys, Want want) {
    Map<K, WriteResult<V>> results = new LinkedHashMap<>();
    for (K key : keys) {
      results.put(key, remove(key, want));
    }
    return results;
  }

  /**
   * Iterates over the live entries, weakly consistent: entries changed during the iteration may or
   * may not be seen. {@code remove} is not supported; remove through the store.
   */
  Iterator<Map.Entry<K, V>> iterator();

  /** Removes every entry, without notifying anyone. */
  void clear();

  /** The number of entries when cheap to know, otherwise {@code -1}. */
  long estimatedSize();

  /**
   * How long the entry under {@code key} has left, without touching it: no access expiry, no event,
   * no statistic.
   *
   * @return {@code null} when there is no live entry; {@link Lifetime#ETERNAL} for one that never
   *         expires; otherwise its remaining time ({@link Lifetime#ofMillis})
   */
  Lifetime remainingLifetime(K key);

  /**
   * The keys whose string form matches a Redis-style glob ({@code *}, {@code ?}, {@code [a-z]},
   * {@code \} escapes), weakly consistent like {@link #iterator()}.
   */
  default Iterator<K> keys(String glob) {
    Predicate<String> matcher = Glob.matcher(glob);
    Iterator<Map.Entry<K, V>> entries = iterator();
    List<K> matching = new ArrayList<>();
    entries.forEachRemaining(entry -> {
      if (matcher.test(String.valueOf(entry.getKey()))) {
        matching.add(entry.getKey());
      }
    });
    return matching.iterator();
  }

  /** What the store counts about itself. */
  default StoreMetrics metrics() {
    return StoreMetrics.NONE;
  }

  /**
   * Records that {@code key} belongs to each of {@code tags}, so that {@link #taggedKeys} finds it
   * without scanning.
   *
   * @param lifetime how long the entry may live ({@link Lifetime#ETERNAL} when unknown): a tag
   *                 record must not disappear before the entries it lists
   */
  void tag(K key, Collection<String> tags, Lifetime lifetime);

  /** The keys recorded under {@code tag}; some may no longer exist. */
  Collection<K> taggedKeys(String tag);

  /**
   * Forgets that {@code keys} belong to {@code tag} (the entries stay); keys tagged since
   * {@link #taggedKeys} was read stay tagged.
   */
  void untag(String tag, Collection<? extends K> keys);

  /** Releases the store's resources; the data of a shared store stays where it is. */
  @Override
  void close();

  /** Removes the store's data for good (on {@code destroyCache}), then closes it. */
  default void destroy() {
    clear();
    close();
  }
}
