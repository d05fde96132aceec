package org.stratacache.jcache.internal.proxy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.cache.event.EventType;
import org.stratacache.jcache.internal.copy.Copier;
import org.stratacache.jcache.internal.event.EventDispatcher;
import org.stratacache.jcache.internal.management.CacheStatistics;
import org.stratacache.jcache.store.EntryExpiry;
import org.stratacache.jcache.store.Lifetime;
import org.stratacache.jcache.store.Store;
import org.stratacache.jcache.store.Want;
import org.stratacache.jcache.store.WriteResult;
import org.stratacache.jcache.store.WriteResult.Outcome;

/**
 * What follows a write the store applied, for one view of a cache: the tag record of a tagged view
 * and the listeners' events; and the batch writes that publish entry by entry.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class StoreWrites<K, V> {

  private final Store<K, V> store;
  private final Copier copier;
  private final CacheStatistics stats;
  private final EventDispatcher<K, V> events;
  private final EntryExpiry expiry;
  private final Set<String> tags;

  StoreWrites(CacheCore<K, V> core, EntryExpiry expiry, Set<String> tags) {
    this.store = core.store();
    this.copier = core.copier();
    this.stats = core.statistics();
    this.events = core.events();
    this.expiry = expiry;
    this.tags = tags;
  }

  /** The tags this view records its writes under (empty for an untagged view). */
  Set<String> tags() {
    return tags;
  }

  /** What a put must report for the listeners: the old value, the outcome, or nothing. */
  Want putWant() {
    if (events.needsOldValue(EventType.UPDATED)) {
      return Want.PREVIOUS;
    }
    return events.hasListeners(EventType.CREATED) || events.hasListeners(EventType.UPDATED)
        ? Want.OUTCOME : Want.NOTHING;
  }

  /** What a removal must report for the listeners. */
  Want removeWant() {
    return events.needsOldValue(EventType.REMOVED) ? Want.PREVIOUS : Want.OUTCOME;
  }

  /** Tags what a tagged view stored, then tells the listeners. */
  void applied(K key, V value, WriteResult<V> result) {
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

  /**
   * How long an entry written through this view may live, for the tag record: eternal when reads
   * may extend it or the policy decides per call, since a tag must never expire before its entries.
   */
  private Lifetime tagLifetime() {
    if (!expiry.readsKeepLifetime()) {
      return Lifetime.ETERNAL;
    }
    Lifetime creation = expiry.onCreation().orIfKeep(Lifetime.ETERNAL);
    return creation.max(expiry.onUpdate().orIfKeep(creation));
  }

  /**
   * Puts entries in one store batch and tells the listeners; returns how many were stored. The
   * caller's map goes to the store as it is when nothing needs copying (store-by-reference).
   */
  int putAll(Map<? extends K, ? extends V> entries) {
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
        applied(key, entries.get(key), result);
      }
    }
    return stored;
  }

  /** Removes keys from the store (no writer), publishing and counting what was there. */
  long removeAll(List<K> keys, long start) {
    long removed = 0;
    for (Map.Entry<K, WriteResult<V>> entry : store.removeAll(keys, removeWant()).entrySet()) {
      if (entry.getValue().outcome() == Outcome.REMOVED) {
        removed++;
        applied(entry.getKey(), null, entry.getValue());
      }
    }
    stats.recordRemovals(removed, start);
    return removed;
  }
}
