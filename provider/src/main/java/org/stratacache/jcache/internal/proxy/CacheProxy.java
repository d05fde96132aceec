package org.stratacache.jcache.internal.proxy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.cache.CacheManager;
import javax.cache.configuration.CacheEntryListenerConfiguration;
import javax.cache.configuration.Configuration;
import javax.cache.expiry.ExpiryPolicy;
import javax.cache.integration.CompletionListener;
import javax.cache.management.CacheStatisticsMXBean;
import javax.cache.processor.EntryProcessor;
import javax.cache.processor.EntryProcessorResult;
import org.stratacache.jcache.StrataCache;
import org.stratacache.jcache.internal.copy.Copier;
import org.stratacache.jcache.internal.event.EventDispatcher;
import org.stratacache.jcache.internal.expiry.PolicyExpiry;
import org.stratacache.jcache.internal.integration.ReadThrough;
import org.stratacache.jcache.internal.integration.WriteThrough;
import org.stratacache.jcache.internal.management.CacheStatistics;
import org.stratacache.jcache.internal.processor.Invocation;
import org.stratacache.jcache.internal.processor.ProcessorResult;
import org.stratacache.jcache.store.EntryExpiry;
import org.stratacache.jcache.store.Store;
import org.stratacache.jcache.store.StoreEntry;
import org.stratacache.jcache.store.StoreMetrics;
import org.stratacache.jcache.store.StoreOps;
import org.stratacache.jcache.store.Want;
import org.stratacache.jcache.store.WriteResult;
import org.stratacache.jcache.store.WriteResult.Outcome;

/**
 * The JSR-107 semantics layer: every {@code javax.cache.Cache} operation, mapped onto the Store SPI.
 *
 * <p>Writes without a writer go to the store's own atomic operations (one round trip on a remote
 * store). With write-through, the same operation runs as a {@link Store#compute} whose remapping
 * calls the writer, so the writer sees exactly the writes that happen and a failing writer leaves
 * the cache unchanged. Statistics are recorded before an operation returns; synchronous listeners
 * are notified after the store applied the change and before the operation returns.
 *
 * <p>Helpers hold the paths several operations share: {@link StoreWrites} (what follows a write:
 * tags and events), {@link Loading} (read-through and {@code loadAll}) and {@link StrataExtras}
 * (what {@link StrataCache} adds: tags, patterns, warm-up).
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class CacheProxy<K, V> implements StrataCache<K, V> {

  private final CacheCore<K, V> core;
  private final EntryExpiry expiry;
  private final Store<K, V> store;
  private final Copier copier;
  private final CacheStatistics stats;
  private final EventDispatcher<K, V> events;
  private final StoreWrites<K, V> writes;
  private final Loading<K, V> loading;
  private final StrataExtras<K, V> extras;

  CacheProxy(CacheCore<K, V> core, EntryExpiry expiry, Set<String> tags) {
    this.core = core;
    this.expiry = expiry;
    this.store = core.store();
    this.copier = core.copier();
    this.stats = core.statistics();
    this.events = core.events();
    this.writes = new StoreWrites<>(core, expiry, tags);
    this.loading = new Loading<>(core, expiry, writes);
    this.extras = new StrataExtras<>(core, expiry, writes, loading);
  }

  // ---- reads

  @Override
  public V get(K key) {
    core.checkOpen();
    Guard.key(key);
    long start = stats.start();
    StoreEntry<V> entry = store.get(key, expiry);
    stats.lookup(entry != null);
    V value;
    if (entry != null) {
      value = copier.copy(entry.value());
    } else {
      ReadThrough<K, V> loader = core.readThrough();
      value = loader == null ? null : loading.store(key, loader.load(key));
    }
    stats.recordGetTime(start);
    return value;
  }

  @Override
  public Map<K, V> getAll(Set<? extends K> keys) {
    core.checkOpen();
    Guard.keys(keys);
    long start = stats.start();
    Map<K, V> found = store.getAll(keys, expiry);
    stats.lookups(found.size(), keys.size());
    Map<K, V> result = new HashMap<>(Math.max(16, keys.size() * 2));
    found.forEach((key, value) -> result.put(key, copier.copy(value)));
    ReadThrough<K, V> loader = core.readThrough();
    if (loader != null && found.size() < keys.size()) {
      result.putAll(loading.loadMissing(loader, keys, found));
    }
    stats.recordGetTime(start);
    return result;
  }

  @Override
  public boolean containsKey(K key) {
    core.checkOpen();
    Guard.key(key);
    return store.containsKey(key);
  }

  @Override
  public void loadAll(Set<? extends K> keys, boolean replaceExistingValues, CompletionListener listener) {
    core.checkOpen();
    Guard.keys(keys);
    loading.loadAll(keys, replaceExistingValues, listener);
  }

  // ---- writes

  @Override
  public void put(K key, V value) {
    checkEntry(key, value);
    long start = stats.start();
    WriteResult<V> result = write(key, value, writes.putWant(), Want.NOTHING);
    stats.recordPuts(result.stored() ? 1 : 0, start);
    writes.applied(key, value, result);
  }

  @Override
  public V getAndPut(K key, V value) {
    checkEntry(key, value);
    long start = stats.start();
    WriteResult<V> result = write(key, value, Want.PREVIOUS, Want.PREVIOUS);
    boolean hit = result.outcome() == Outcome.UPDATED;
    stats.lookup(hit, start);
    stats.recordPuts(result.stored() ? 1 : 0, start);
    writes.applied(key, value, result);
    return hit ? result.previous() : null;
  }

  private WriteResult<V> write(K key, V value, Want want, Want minimum) {
    WriteThrough<K, V> writer = core.writer();
    V stored = copier.copy(value);
    if (writer != null) {
      return store.compute(copier.copy(key), StoreOps.put(stored, expiry, writer.hookFor(key, value)));
    }
    return store.put(copier.copy(key), stored, expiry, want.compareTo(minimum) >= 0 ? want : minimum);
  }

  @Override
  public void putAll(Map<? extends K, ? extends V> entries) {
    core.checkOpen();
    Guard.entries(entries);
    entries.forEach((key, value) -> checkTypes(key, value));
    long start = stats.start();
    WriteThrough<K, V> writer = core.writer();
    if (writer == null) {
      stats.recordPuts(writes.putAll(entries), start);
      return;
    }
    Map<K, V> toWrite = new LinkedHashMap<>(entries);
    WriteThrough.Batch<K> written = writer.writeAll(toWrite);
    toWrite.keySet().retainAll(written.done());
    stats.recordPuts(writes.putAll(toWrite), start);
    written.rethrow();
  }

  @Override
  public boolean putIfAbsent(K key, V value) {
    checkEntry(key, value);
    long start = stats.start();
    WriteThrough<K, V> writer = core.writer();
    V stored = copier.copy(value);
    WriteResult<V> result = writer == null
        ? store.putIfAbsent(copier.copy(key), stored, expiry)
        : store.compute(copier.copy(key), StoreOps.putIfAbsent(stored, expiry, writer.hookFor(key, value)));
    boolean created = result.outcome() == Outcome.CREATED;
    stats.lookup(result.outcome() == Outcome.PRESENT);
    stats.recordPuts(created ? 1 : 0, start);
    writes.applied(key, value, result);
    return created;
  }

  @Override
  public boolean remove(K key) {
    core.checkOpen();
    Guard.key(key);
    long start = stats.start();
    WriteResult<V> result = removeEntry(key, writes.removeWant());
    boolean removed = result.outcome() == Outcome.REMOVED;
    stats.recordRemovals(removed ? 1 : 0, start);
    writes.applied(key, null, result);
    return removed;
  }

  @Override
  public V getAndRemove(K key) {
    core.checkOpen();
    Guard.key(key);
    long start = stats.start();
    WriteResult<V> result = removeEntry(key, Want.PREVIOUS);
    boolean removed = result.outcome() == Outcome.REMOVED;
    stats.lookup(removed, start);
    stats.recordRemovals(removed ? 1 : 0, start);
    writes.applied(key, null, result);
    return removed ? result.previous() : null;
  }

  private WriteResult<V> removeEntry(K key, Want want) {
    WriteThrough<K, V> writer = core.writer();
    return writer == null
        ? store.remove(key, want)
        : store.compute(key, StoreOps.remove(writer.hookFor(key, null)));
  }

  @Override
  public boolean remove(K key, V oldValue) {
    core.checkOpen();
    Guard.key(key);
    Guard.value(oldValue);
    long start = stats.start();
    WriteThrough<K, V> writer = core.writer();
    WriteResult<V> result = writer == null
        ? store.remove(key, oldValue, expiry)
        : store.compute(key, StoreOps.remove(oldValue, expiry, writer.hookFor(key, null)));
    boolean removed = result.outcome() == Outcome.REMOVED;
    stats.lookup(result.outcome() != Outcome.ABSENT, start);
    stats.recordRemovals(removed ? 1 : 0, start);
    writes.applied(key, null, withPrevious(result, oldValue));
    return removed;
  }

  @Override
  public boolean replace(K key, V oldValue, V newValue) {
    checkEntry(key, newValue);
    Guard.value(oldValue);
    long start = stats.start();
    WriteThrough<K, V> writer = core.writer();
    V stored = copier.copy(newValue);
    WriteResult<V> result = writer == null
        ? store.replace(key, oldValue, stored, expiry)
        : store.compute(key, StoreOps.replace(oldValue, stored, expiry, writer.hookFor(key, newValue)));
    stats.lookup(result.outcome() != Outcome.ABSENT, start);
    stats.recordPuts(result.outcome() == Outcome.UPDATED ? 1 : 0, start);
    writes.applied(key, newValue, withPrevious(result, oldValue));
    return result.outcome() == Outcome.UPDATED;
  }

  @Override
  public boolean replace(K key, V value) {
    return replaceEntry(key, value, writes.putWant()).outcome() == Outcome.UPDATED;
  }

  @Override
  public V getAndReplace(K key, V value) {
    WriteResult<V> result = replaceEntry(key, value, Want.PREVIOUS);
    return result.outcome() == Outcome.UPDATED ? result.previous() : null;
  }

  private WriteResult<V> replaceEntry(K key, V value, Want want) {
    checkEntry(key, value);
    long start = stats.start();
    WriteThrough<K, V> writer = core.writer();
    V stored = copier.copy(value);
    WriteResult<V> result = writer == null
        ? store.replace(key, stored, expiry, want)
        : store.compute(key, StoreOps.replace(stored, expiry, writer.hookFor(key, value)));
    boolean updated = result.outcome() == Outcome.UPDATED;
    stats.lookup(updated, start);
    stats.recordPuts(updated ? 1 : 0, start);
    writes.applied(key, value, result);
    return result;
  }

  /** A conditional write replaced exactly the expected value, so the expected value is the old one. */
  private static <V> WriteResult<V> withPrevious(WriteResult<V> result, V expected) {
    return result.previous() == null ? WriteResult.of(result.outcome(), expected) : result;
  }

  @Override
  public void removeAll(Set<? extends K> keys) {
    core.checkOpen();
    Guard.keys(keys);
    removeKeys(new ArrayList<>(keys));
  }

  @Override
  public void removeAll() {
    core.checkOpen();
    Set<K> keys = new LinkedHashSet<>();
    store.iterator().forEachRemaining(entry -> keys.add(entry.getKey()));
    removeKeys(new ArrayList<>(keys));
  }

  private void removeKeys(List<K> keys) {
    long start = stats.start();
    List<K> toRemove = keys;
    WriteThrough.Batch<K> deleted = null;
    WriteThrough<K, V> writer = core.writer();
    if (writer != null && !keys.isEmpty()) {
      deleted = writer.deleteAll(keys);
      toRemove = new ArrayList<>(deleted.done());
    }
    writes.removeAll(toRemove, start);
    if (deleted != null) {
      deleted.rethrow();
    }
  }

  @Override
  public void clear() {
    core.checkOpen();
    store.clear();
  }

  // ---- entry processors

  @Override
  public <T> T invoke(K key, EntryProcessor<K, V, T> processor, Object... arguments) {
    core.checkOpen();
    Guard.key(key);
    Objects.requireNonNull(processor, "the entry processor cannot be null");
    long start = stats.start();
    Invocation<K, V, T> invocation = new Invocation<>(key, processor, arguments, expiry, copier,
        core.readThrough(), core.writer());
    Invocation.Outcome<V, T> outcome = store.compute(copier.copy(key), invocation);
    stats.lookup(outcome.existed(), start);
    switch (outcome.operation()) {
      case CREATE:
        stats.recordPuts(1, start);
        writes.applied(key, outcome.newValue(), WriteResult.created());
        break;
      case LOAD:
        writes.applied(key, outcome.newValue(), WriteResult.created());
        break;
      case UPDATE:
        stats.recordPuts(1, start);
        writes.applied(key, outcome.newValue(), WriteResult.of(Outcome.UPDATED, outcome.oldValue()));
        break;
      case REMOVE:
        stats.recordRemovals(1, start);
        events.removed(key, outcome.oldValue());
        break;
      default:
        break;
    }
    return outcome.result();
  }

  @Override
  public <T> Map<K, EntryProcessorResult<T>> invokeAll(Set<? extends K> keys, EntryProcessor<K, V, T> processor,
                                                       Object... arguments) {
    core.checkOpen();
    Guard.keys(keys);
    Objects.requireNonNull(processor, "the entry processor cannot be null");
    Map<K, EntryProcessorResult<T>> results = new HashMap<>();
    for (K key : keys) {
      try {
        T result = invoke(key, processor, arguments);
        if (result != null) {
          results.put(key, ProcessorResult.of(result));
        }
      } catch (RuntimeException e) {
        results.put(key, ProcessorResult.failed(e));
      }
    }
    return results;
  }

  // ---- iteration

  @Override
  public Iterator<Entry<K, V>> iterator() {
    core.checkOpen();
    return new EntryIterator<>(this, store.iterator());
  }

  /** Reads an iterated entry as a {@code get} would (counting a hit, applying the access expiry). */
  Entry<K, V> iterated(K key, V value) {
    long start = stats.start();
    V current = value;
    if (!expiry.readsKeepLifetime()) {
      StoreEntry<V> entry = store.get(key, expiry);
      if (entry == null) {
        return null;
      }
      current = entry.value();
    }
    stats.lookup(true, start);
    return new SimpleEntry<>(copier.copy(key), copier.copy(current));
  }

  /** Removes an iterated entry as {@code remove(key)} would. */
  void removeIterated(K key) {
    remove(key);
  }

  // ---- helpers

  private void checkEntry(K key, V value) {
    core.checkOpen();
    Guard.key(key);
    Guard.value(value);
    checkTypes(key, value);
  }

  private void checkTypes(K key, V value) {
    Guard.type(core.keyType(), key, "key");
    Guard.type(core.valueType(), value, "value");
  }

  // ---- lifecycle and metadata

  @Override
  public String getName() {
    return core.name();
  }

  @Override
  public CacheManager getCacheManager() {
    return core.manager();
  }

  @Override
  public <C extends Configuration<K, V>> C getConfiguration(Class<C> clazz) {
    return core.configuration(clazz);
  }

  @Override
  public void registerCacheEntryListener(CacheEntryListenerConfiguration<K, V> configuration) {
    core.checkOpen();
    events.register(Objects.requireNonNull(configuration, "listener configuration"));
  }

  @Override
  public void deregisterCacheEntryListener(CacheEntryListenerConfiguration<K, V> configuration) {
    core.checkOpen();
    events.deregister(Objects.requireNonNull(configuration, "listener configuration"));
  }

  @Override
  public void close() {
    core.close();
  }

  @Override
  public boolean isClosed() {
    return core.isClosed();
  }

  /**
   * This cache as {@code clazz}: the cache itself ({@link StrataCache}, {@code CacheProxy}), or
   * what a {@link org.stratacache.jcache.CacheExtension} on the class path provides (for example
   * {@code AIResponseCache}).
   */
  @Override
  public <T> T unwrap(Class<T> clazz) {
    if (clazz.isInstance(this)) {
      return clazz.cast(this);
    }
    T extension = core.extension(clazz);
    if (extension != null) {
      return extension;
    }
    throw new IllegalArgumentException("Cannot unwrap cache '" + getName() + "' to " + clazz.getName()
        + ": no extension on the class path provides it");
  }

  @Override
  public StrataCache<K, V> withExpiryPolicy(ExpiryPolicy policy) {
    return new CacheProxy<>(core, PolicyExpiry.of(Objects.requireNonNull(policy, "policy")), writes.tags());
  }

  @Override
  public StrataCache<K, V> withTags(String... names) {
    return new CacheProxy<>(core, expiry, extras.withTags(names));
  }

  @Override
  public long invalidateTag(String tag) {
    return extras.invalidateTag(tag);
  }

  @Override
  public long estimatedSize() {
    return extras.estimatedSize();
  }

  @Override
  public Optional<Duration> remainingLifetime(K key) {
    return extras.remainingLifetime(key);
  }

  @Override
  public Set<K> keys(String pattern) {
    return extras.keys(pattern);
  }

  @Override
  public long invalidatePattern(String pattern) {
    return extras.invalidatePattern(pattern);
  }

  @Override
  public long preload(Collection<? extends K> keys) {
    return extras.preload(keys);
  }

  @Override
  public long preload(String pattern) {
    return extras.preload(pattern);
  }

  @Override
  public StoreMetrics storeMetrics() {
    return store.metrics();
  }

  @Override
  public CacheStatisticsMXBean statistics() {
    return stats;
  }

  @Override
  public String toString() {
    return "StrataCache{" + getName() + "}";
  }
}
