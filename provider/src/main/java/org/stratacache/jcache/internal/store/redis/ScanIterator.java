package org.stratacache.jcache.internal.store.redis;

import io.lettuce.core.KeyValue;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The entries of a Redis store, page by page: SCAN a page of keys, then MGET their values.
 * Weakly consistent: keys removed between the two are skipped.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class ScanIterator<K, V> implements Iterator<Map.Entry<K, V>> {

  private final RedisConnection redis;
  private final StoredValues<K, V> values;
  private final ScanPages pages;
  private final boolean withValues;
  private final Deque<Map.Entry<K, V>> buffer = new ArrayDeque<>();

  ScanIterator(RedisConnection redis, StoredValues<K, V> values, byte[] pattern, boolean withValues) {
    this.redis = redis;
    this.values = values;
    this.pages = new ScanPages(redis, pattern);
    this.withValues = withValues;
  }

  @Override
  public boolean hasNext() {
    while (buffer.isEmpty() && pages.hasNext()) {
      fill(pages.next());
    }
    return !buffer.isEmpty();
  }

  @Override
  public Map.Entry<K, V> next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return buffer.poll();
  }

  private void fill(List<byte[]> scanned) {
    List<byte[]> page = new ArrayList<>(scanned.size());
    for (byte[] redisKey : scanned) {
      if (values.keys().isEntryKey(redisKey)) {
        page.add(redisKey);
      }
    }
    if (page.isEmpty()) {
      return;
    }
    if (!withValues) {
      for (byte[] redisKey : page) {
        K key = values.decodeKey(redisKey);
        if (key != null) {
          buffer.add(new SimpleImmutableEntry<>(key, null));
        }
      }
      return;
    }
    List<KeyValue<byte[], byte[]>> pairs = redis.await(redis.commands().mget(page.toArray(new byte[0][])),
        "MGET");
    for (KeyValue<byte[], byte[]> pair : pairs) {
      if (!pair.hasValue()) {
        continue;
      }
      K key = values.decodeKey(pair.getKey());
      V value = key == null ? null : values.decode(key, pair.getValue());
      if (value != null) {
        buffer.add(new SimpleImmutableEntry<>(key, value));
      }
    }
  }

  /** The keys of {@code entries}. */
  static <K> Iterator<K> keys(Iterator<? extends Map.Entry<K, ?>> entries) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return entries.hasNext();
      }

      @Override
      public K next() {
        return entries.next().getKey();
      }
    };
  }
}
