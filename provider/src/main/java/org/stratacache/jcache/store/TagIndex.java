package org.stratacache.jcache.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Tags of an in-process store: tag to keys. Keys of entries that went away are dropped when they
 * are evicted or expire ({@link #forget}) and, for other removals, every {@value #PRUNE_EVERY}
 * additions to a tag.
 *
 * @param <K> the key type
 */
public final class TagIndex<K> {

  private static final int PRUNE_EVERY = 1024;

  private final ConcurrentMap<String, Set<K>> tags = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, AtomicInteger> additions = new ConcurrentHashMap<>();
  private final Predicate<K> alive;

  /** An index whose pruning keeps the keys for which {@code alive} holds. */
  public TagIndex(Predicate<K> alive) {
    this.alive = alive;
  }

  /** Records {@code key} under each tag. */
  public void add(K key, Collection<String> names) {
    for (String name : names) {
      tags.computeIfAbsent(name, ignored -> ConcurrentHashMap.newKeySet()).add(key);
      if (additions.computeIfAbsent(name, ignored -> new AtomicInteger()).incrementAndGet() % PRUNE_EVERY == 0) {
        Set<K> keys = tags.get(name);
        if (keys != null) {
          keys.removeIf(alive.negate());
        }
      }
    }
  }

  /** The keys recorded under {@code name}. */
  public Collection<K> keys(String name) {
    Set<K> keys = tags.get(name);
    return keys == null ? new ArrayList<>() : new ArrayList<>(keys);
  }

  /** Forgets that {@code keys} belong to tag {@code name}. */
  public void remove(String name, Collection<? extends K> keys) {
    Set<K> tagged = tags.get(name);
    if (tagged != null) {
      tagged.removeAll(keys);
    }
  }

  /** Forgets a key that is gone from the store. */
  public void forget(K key) {
    if (!tags.isEmpty()) {
      tags.values().forEach(keys -> keys.remove(key));
    }
  }

  /** Forgets everything. */
  public void clear() {
    tags.clear();
    additions.clear();
  }
}
