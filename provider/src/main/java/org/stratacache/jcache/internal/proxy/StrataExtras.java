package org.stratacache.jcache.internal.proxy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.stratacache.jcache.StrataCache;
import org.stratacache.jcache.internal.copy.Copier;
import org.stratacache.jcache.internal.integration.ReadThrough;
import org.stratacache.jcache.internal.management.CacheStatistics;
import org.stratacache.jcache.store.EntryExpiry;
import org.stratacache.jcache.store.Lifetime;
import org.stratacache.jcache.store.Store;

/**
 * What {@link StrataCache} adds to a cache, for one view: invalidation by tag and by pattern,
 * pattern keys and warm-up. Invalidations remove from the store only (no writer) and are published
 * and counted as removals; warm-up is not counted.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class StrataExtras<K, V> {

  private static final int PRELOAD_BATCH = 1_000;

  private final CacheCore<K, V> core;
  private final Store<K, V> store;
  private final Copier copier;
  private final CacheStatistics stats;
  private final EntryExpiry expiry;
  private final StoreWrites<K, V> writes;
  private final Loading<K, V> loading;

  StrataExtras(CacheCore<K, V> core, EntryExpiry expiry, StoreWrites<K, V> writes, Loading<K, V> loading) {
    this.core = core;
    this.store = core.store();
    this.copier = core.copier();
    this.stats = core.statistics();
    this.expiry = expiry;
    this.writes = writes;
    this.loading = loading;
  }

  /** This view's tags with {@code names} added. */
  Set<String> withTags(String... names) {
    Set<String> all = new LinkedHashSet<>(writes.tags());
    for (String name : names) {
      all.add(Objects.requireNonNull(name, "tag"));
    }
    return Set.copyOf(all);
  }

  long invalidateTag(String tag) {
    core.checkOpen();
    Objects.requireNonNull(tag, "tag");
    long start = stats.start();
    List<K> tagged = new ArrayList<>(new LinkedHashSet<>(store.taggedKeys(tag)));
    long removed = writes.removeAll(tagged, start);
    store.untag(tag, tagged);
    return removed;
  }

  long estimatedSize() {
    core.checkOpen();
    return store.estimatedSize();
  }

  Optional<Duration> remainingLifetime(K key) {
    core.checkOpen();
    Objects.requireNonNull(key, "key");
    Lifetime left = store.remainingLifetime(key);
    if (left == null) {
      return Optional.empty();
    }
    return Optional.of(left.isEternal() ? StrataCache.NEVER_EXPIRES : Duration.ofMillis(left.millis()));
  }

  Set<K> keys(String pattern) {
    core.checkOpen();
    Objects.requireNonNull(pattern, "pattern");
    Set<K> matching = new LinkedHashSet<>();
    store.keys(pattern).forEachRemaining(key -> matching.add(copier.copy(key)));
    return matching;
  }

  long invalidatePattern(String pattern) {
    core.checkOpen();
    Objects.requireNonNull(pattern, "pattern");
    long start = stats.start();
    return writes.removeAll(matching(pattern), start);
  }

  private List<K> matching(String pattern) {
    List<K> matching = new ArrayList<>();
    store.keys(pattern).forEachRemaining(matching::add);
    return matching;
  }

  long preload(Collection<? extends K> keys) {
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
    return found.size() + (long) loading.loadMissing(loader, batch, found).size();
  }

  long preload(String pattern) {
    core.checkOpen();
    Objects.requireNonNull(pattern, "pattern");
    return preload(matching(pattern));
  }
}
