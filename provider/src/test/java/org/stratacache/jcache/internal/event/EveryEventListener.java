package org.stratacache.jcache.internal.event;

import javax.cache.event.CacheEntryCreatedListener;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.CacheEntryExpiredListener;
import javax.cache.event.CacheEntryRemovedListener;
import javax.cache.event.CacheEntryUpdatedListener;

/**
 * A test listener of every event type that hands each batch, whatever its type, to {@link #record}.
 *
 * @param <V> the value type it listens to
 */
public abstract class EveryEventListener<V> implements CacheEntryCreatedListener<String, V>,
    CacheEntryUpdatedListener<String, V>, CacheEntryRemovedListener<String, V>, CacheEntryExpiredListener<String, V> {

  /** Records a batch of events of any type. */
  abstract void record(Iterable<CacheEntryEvent<? extends String, ? extends V>> batch);

  @Override
  public void onCreated(Iterable<CacheEntryEvent<? extends String, ? extends V>> batch) {
    record(batch);
  }

  @Override
  public void onUpdated(Iterable<CacheEntryEvent<? extends String, ? extends V>> batch) {
    record(batch);
  }

  @Override
  public void onRemoved(Iterable<CacheEntryEvent<? extends String, ? extends V>> batch) {
    record(batch);
  }

  @Override
  public void onExpired(Iterable<CacheEntryEvent<? extends String, ? extends V>> batch) {
    record(batch);
  }
}
