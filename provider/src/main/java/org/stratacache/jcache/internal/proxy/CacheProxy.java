package org.stratacache.jcache.internal.proxy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.cache.CacheManager;
import javax.cache.configuration.CacheEntryListenerConfiguration;
import javax.cache.configuration.Configuration;
import javax.cache.event.EventType;
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
 * @param <K> the key type
 * @param <V> the value type
 */
public final class CacheProxy<K, V> implements StrataCache<K, V> {

  private static final int PRELOAD_BATCH = 1_000;

  private final CacheCore<K, V> core;
  private final EntryExpiry expiry;
  private final Set<String> tags;
  private final Store<K, V> store;
  private final Copier copier;
  private final CacheStatistics stats;
  private final EventDispatcher<K, V> events;

  CacheProxy(CacheCore<K, V> core, EntryExpiry expiry, Set<String> tags) {
    this.core = core;
    this.expiry = expiry;
    this.tags = tags;
    this.store = core.store();
    this.copier = core.copier();
    this.stats = core.statistics();
    this.events = core.events();
  }

  // ---- reads

  @Override
  public V get(K key) {
    core.checkOpen();
    Guard.key(key);
    long start = stats.start();
    StoreEntry<V> entry = store.get(key, expiry);
    V value;
    if (entry != null) {
      stats.recordHits(1);
      value = copier.copy(entry.value());
    } else {
      stats.recordMisses(1);
      ReadThrough<K, V> loader = core.readThrough();
      value = loader == null ? null : loadAndStore(key, loader.load(key));
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
    stats.recordHits(found.size());
    stats.recordMisses(keys.size() - (long) found.size());
    Map<K, V> result = new HashMap<>(Math.max(16, keys.size() * 2));
    found.forEach((key, value) -> result.put(key, copier.copy(value)));
    ReadThrough<K, V> loader = core.readThrough();
    if (loader != null && found.size() < keys.size()) {
      Set<K> missing = new LinkedHashSet<>();
      for (K key : keys) {
        if (!found.containsKey(key)) {
          missing.add(key);
        }
      }
      loader.loadAll(missing).forEach((key, value) -> {
        if (key != null && value != null && missing.contains(key)) {
          result.put(key, loadAndStore(key, value));
        }
      });
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

  /** Stores a loaded value unless another one arrived meanwhile; loads are not counted as puts. */
  private V loadAndStore(K key, V loaded) {
    if (loaded == null) {
      return null;
    }
    afterWrite(key, loaded, store.putIfAbsent(copier.copy(key), copier.copy(loaded), expiry));
    return loaded;
  }

  @Override
  public void loadAll(Set<? extends K> keys, boolean replaceExistingValues, CompletionListener listener) {
    core.checkOpen();
    Guard.keys(keys);
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
      afterWrite(key, value, store.put(copier.copy(key), copier.copy(value), expiry, putWant()));
    } else {
      loadAndStore(key, value);
    }
  }

  // ---- writes

  @Override
  public void put(K key, V value) {
    checkEntry(key, value);
    long start = stats.start();
    WriteResult<V> result = write(key, value, putWant(), Want.NOTHING);
    stats.recordPuts(result.stored() ? 1 : 0, start);
    afterWrite(key, value, result);
  }

  @Override
  public V getAndPut(K key, V value) {
    checkEntry(key, value);
    long start = stats.start();
    WriteResult<V> result = write(key, value, Want.PREVIOUS, Want.PREVIOUS);
    boolean hit = result.outcome() == Outcome.UPDATED;
    stats.recordHits(hit ? 1 : 0);
    stats.recordMisses(hit ? 0 : 1);
    stats.recordGetTime(start);
    stats.recordPuts(result.stored() ? 1 : 0, start);
    afterWrite(key, value, result);
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
      stats.recordPuts(storeAll(entries), start);
      return;
    }
    Map<K, V> toWrite = new LinkedHashMap<>(entries);
    WriteThrough.Batch<K> written = writer.writeAll(toWrite);
    toWrite.keySet().retainAll(written.done());
    stats.recordPuts(storeAll(toWrite), start);
    written.rethrow();
  }

  /**
   * Puts entries in one store batch and tells the listeners; returns how many were stored. The
   * caller's map goes to the store as it is when nothing needs copying (store-by-reference).
   */
  private int storeAll(Map<? extends K, ? extends V> entries) {
    Map<? extends K, ? extends V> copies = entries;
    List<K> originals = null;
    if (copier != Copier.IDENTITY) {
      Map<K, V> copied = new LinkedHashMap<>(Math.max(16, entries.size() * 2));
      originals = new ArrayList<>(entries.size());
      for (Map.Entry<? extends K, ? extends V> entry : entries.entrySet()) {
        copied.put(copier.copy(entry.getKey()), copier.copy(entry.getValue()));
        originals.add(entry.getKey());
      }
      copies = copied;
    }
    Map<K, WriteResult<V>> results = store.putAll(copies, expiry, putWant());
    boolean quiet = tags.isEmpty() && !events.hasListeners(EventType.CREATED)
        && !events.hasListeners(EventType.UPDATED) && !events.hasListeners(EventType.REMOVED);
    int stored = 0;
    int i = 0;
    for (Map.Entry<? extends K, ? extends V> entry : copies.entrySet()) {
      WriteResult<V> result = results.get(entry.getKey());
      K key = originals == null ? entry.getKey() : originals.get(i++);
      if (result != null && result.stored()) {
        stored++;
      }
      if (result != null && !quiet) {
        afterWrite(key, entries.get(key), result);
      }
    }
    return stored;
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
    stats.recordHits(result.outcome() == Outcome.PRESENT ? 1 : 0);
    stats.recordMisses(result.outcome() == Outcome.PRESENT ? 0 : 1);
    stats.recordPuts(created ? 1 : 0, start);
    afterWrite(key, value, result);
    return created;
  }

  @Override
  public boolean remove(K key) {
    core.checkOpen();
    Guard.key(key);
    long start = stats.start();
    WriteResult<V> result = removeEntry(key, removeWant());
    boolean removed = result.outcome() == Outcome.REMOVED;
    stats.recordRemovals(removed ? 1 : 0, start);
    afterWrite(key, null, result);
    return removed;
  }

  @Override
  public V getAndRemove(K key) {
    core.checkOpen();
    Guard.key(key);
    long start = stats.start();
    WriteResult<V> result = removeEntry(key, Want.PREVIOUS);
    boolean removed = result.outcome() == Outcome.REMOVED;
    stats.recordHits(removed ? 1 : 0);
    stats.recordMisses(removed ? 0 : 1);
    stats.recordGetTime(start);
    stats.recordRemovals(removed ? 1 : 0, start);
    afterWrite(key, null, result);
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
    recordConditional(result, start);
    stats.recordRemovals(removed ? 1 : 0, start);
    afterWrite(key, null, withPrevious(result, oldValue));
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
    recordConditional(result, start);
    stats.recordPuts(result.outcome() == Outcome.UPDATED ? 1 : 0, start);
    afterWrite(key, newValue, withPrevious(result, oldValue));
    return result.outcome() == Outcome.UPDATED;
  }

  @Override
  public boolean replace(K key, V value) {
    return replaceEntry(key, value, putWant()).outcome() == Outcome.UPDATED;
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
    stats.recordHits(updated ? 1 : 0);
    stats.recordMisses(updated ? 0 : 1);
    stats.recordGetTime(start);
    stats.recordPuts(updated ? 1 : 0, start);
    afterWrite(key, value, result);
    return result;
  }

  /** A conditional write replaced exactly the expected value, so the expected value is the old one. */
  private static <V> WriteResult<V> withPrevious(WriteResult<V> result, V expected) {
    return result.previous() == null ? WriteResult.of(result.outcome(), expected) : result;
  }

  private void recordConditional(WriteResult<V> result, long start) {
    boolean hit = result.outcome() != Outcome.ABSENT;
    stats.recordHits(hit ? 1 : 0);
    stats.recordMisses(hit ? 0 : 1);
    stats.recordGetTime(start);
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
    removeFromStore(toRemove, start);
    if (deleted != null) {
      deleted.rethrow();
    }
  }

  /** Removes keys from the store (no writer), publishing and counting what was there. */
  private long removeFromStore(List<K> keys, long start) {
    long removed = 0;
    for (Map.Entry<K, WriteResult<V>> entry : store.removeAll(keys, removeWant()).entrySet()) {
      if (entry.getValue().outcome() == Outcome.REMOVED) {
        removed++;
        afterWrite(entry.getKey(), null, entry.getValue());
      }
    }
    stats.recordRemovals(removed, start);
    return removed;
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
    stats.recordHits(outcome.existed() ? 1 : 0);
    stats.recordMisses(outcome.existed() ? 0 : 1);
    stats.recordGetTime(start);
    switch (outcome.operation()) {
      case CREATE:
        stats.recordPuts(1, start);
        afterWrite(key, outcome.newValue(), WriteResult.created());
        break;
      case LOAD:
        afterWrite(key, outcome.newValue(), WriteResult.created());
        break;
      case UPDATE:
        stats.recordPuts(1, start);
        afterWrite(key, outcome.newValue(), WriteResult.of(Outcome.UPDATED, outcome.oldValue()));
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
    if (!expiry.isFixed() || expiry.onAccess() != EntryExpiry.KEEP) {
      StoreEntry<V> entry = store.get(key, expiry);
      if (entry == null) {
        return null;
      }
      current = entry.value();
    }
    stats.recordHits(1);
    stats.recordGetTime(start);
    return new SimpleEntry<>(copier.copy(key), copier.copy(current));
  }

  /** Removes an iterated entry as {@code remove(key)} would. */
  void removeIterated(K key) {
    remove(key);
  }

  // ---- events and helpers

  private Want putWant() {
    if (events.needsOldValue(EventType.UPDATED)) {
      return Want.PREVIOUS;
    }
    return events.hasListeners(EventType.CREATED) || events.hasListeners(EventType.UPDATED)
        ? Want.OUTCOME : Want.NOTHING;
  }

  private Want removeWant() {
    return events.needsOldValue(EventType.REMOVED) ? Want.PREVIOUS : Want.OUTCOME;
  }

  /** Tags what a tagged view stored, then tells the listeners. */
  private void afterWrite(K key, V value, WriteResult<V> result) {
    if (!tags.isEmpty() && result.stored()) {
      store.tag(copier.copy(key), tags, tagLifetime());
    }
    switch (result.outcome()) {
      case CREATED:
        events.created(key, value);
        break;
      case UPDATED:
        events.updated(key, value, result.previous());
        break;
      case REMOVED:
        events.removed(key, result.previous());
        break;
      default:
        break;
    }
  }

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
    return new CacheProxy<>(core, PolicyExpiry.of(Objects.requireNonNull(policy, "policy")), tags);
  }

  @Override
  public StrataCache<K, V> withTags(String... names) {
    Set<String> all = new LinkedHashSet<>(tags);
    for (String name : names) {
      all.add(Objects.requireNonNull(name, "tag"));
    }
    return new CacheProxy<>(core, expiry, Set.copyOf(all));
  }

  @Override
  public long invalidateTag(String tag) {
    core.checkOpen();
    Objects.requireNonNull(tag, "tag");
    long start = stats.start();
    List<K> tagged = new ArrayList<>(new LinkedHashSet<>(store.taggedKeys(tag)));
    long removed = removeFromStore(tagged, start);
    store.untag(tag, tagged);
    return removed;
  }

  /**
   * How long an entry written through this view may live, for the tag record: eternal when reads
   * may extend it or the policy decides per call, since a tag must never expire before its entries.
   */
  private long tagLifetime() {
    if (!expiry.isFixed() || expiry.onAccess() != EntryExpiry.KEEP) {
      return EntryExpiry.ETERNAL;
    }
    long creation = expiry.onCreation();
    long update = expiry.onUpdate() == EntryExpiry.KEEP ? creation : expiry.onUpdate();
    return Math.max(creation, update);
  }

  @Override
  public long estimatedSize() {
    core.checkOpen();
    return store.estimatedSize();
  }

  @Override
  public Set<K> keys(String pattern) {
    core.checkOpen();
    Objects.requireNonNull(pattern, "pattern");
    Set<K> matching = new LinkedHashSet<>();
    store.keys(pattern).forEachRemaining(key -> matching.add(copier.copy(key)));
    return matching;
  }

  @Override
  public long invalidatePattern(String pattern) {
    core.checkOpen();
    Objects.requireNonNull(pattern, "pattern");
    long start = stats.start();
    List<K> matching = new ArrayList<>();
    store.keys(pattern).forEachRemaining(matching::add);
    return removeFromStore(matching, start);
  }

  @Override
  public long preload(Collection<? extends K> keys) {
    core.checkOpen();
    Guard.keys(keys);
    long held = 0;
    List<K> batch = new ArrayList<>();
    for (K key : keys) {
      batch.add(key);
      if (batch.size() == PRELOAD_BATCH) {
        held += preloadBatch(batch);
        batch.clear();
      }
    }
    return batch.isEmpty() ? held : held + preloadBatch(batch);
  }

  private long preloadBatch(List<K> batch) {
    Map<K, V> found = store.getAll(batch, expiry);
    ReadThrough<K, V> loader = core.readThrough();
    if (loader == null || found.size() == batch.size()) {
      return found.size();
    }
    Set<K> missing = new LinkedHashSet<>(batch);
    missing.removeAll(found.keySet());
    long loaded = 0;
    for (Map.Entry<K, V> entry : loader.loadAll(missing).entrySet()) {
      if (entry.getKey() != null && missing.contains(entry.getKey()) && loadAndStore(entry.getKey(),
          entry.getValue()) != null) {
        loaded++;
      }
    }
    return found.size() + loaded;
  }

  @Override
  public long preload(String pattern) {
    core.checkOpen();
    Objects.requireNonNull(pattern, "pattern");
    List<K> matching = new ArrayList<>();
    store.keys(pattern).forEachRemaining(matching::add);
    return preload(matching);
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
