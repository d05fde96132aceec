package org.stratacache.jcache.internal.event;

import javax.cache.Cache;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.EventType;
import org.stratacache.jcache.internal.Messages;

/**
 * One event as a listener sees it. Following JSR-107 1.1.1, when the listener did not ask for old
 * values, removed and expired events carry neither a value nor an old value.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class StrataCacheEntryEvent<K, V> extends CacheEntryEvent<K, V> {

  private static final long serialVersionUID = 1L;

  private final K key;
  private final transient V value;
  private final transient V oldValue;
  private final boolean oldValueAvailable;

  StrataCacheEntryEvent(Cache<K, V> source, EventType type, K key, V value, V oldValue, boolean oldValueAvailable) {
    super(source, type);
    this.key = key;
    this.value = value;
    this.oldValue = oldValue;
    this.oldValueAvailable = oldValueAvailable;
  }

  @Override
  public K getKey() {
    return key;
  }

  @Override
  public V getValue() {
    return value;
  }

  @Override
  public V getOldValue() {
    return oldValueAvailable ? oldValue : null;
  }

  @Override
  public boolean isOldValueAvailable() {
    return oldValueAvailable;
  }

  @Override
  public <T> T unwrap(Class<T> clazz) {
    if (clazz.isInstance(this)) {
      return clazz.cast(this);
    }
    throw new IllegalArgumentException("Cannot unwrap a cache entry event to " + clazz.getName());
  }

  @Override
  public String toString() {
    return "CacheEntryEvent{" + getEventType() + ", key=" + Messages.shorten(key) + "}";
  }
}
