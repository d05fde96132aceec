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

  private final RedisStore<K, V> store;
  private final ScanPages pages;
  private final boolean withValues;
  private final Deque<Map.Entry<K, V>> buffer = new ArrayDeque<>();

  ScanIterator(RedisStore<K, V> store, byte[] pattern, boolean withValues) {
    this.store = store;
    this.pages = new ScanPages(store.redis(), pattern);
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
      if (store.keyCodec().isEntryKey(redisKey)) {
        page.add(redisKey);
      }
    }
    if (page.isEmpty()) {
      return;
    }
    if (!withValues) {
      for (byte[] redisKey : page) {
        K key = store.decodeKey(redisKey);
        if (key != null) {
          buffer.add(new SimpleImmutableEntry<>(key, null));
        }
      }
      return;
    }
    List<KeyValue<byte[], byte[]>> pairs = store.redis().await(store.redis().commands().mget(
        page.toArray(new byte[0][])), "MGET");
    for (KeyValue<byte[], byte[]> pair : pairs) {
      if (!pair.hasValue()) {
        continue;
      }
      K key = store.decodeKey(pair.getKey());
      V value = key == null ? null : store.decode(key, pair.getValue());
      if (value != null) {
        buffer.add(new SimpleImmutableEntry<>(key, value));
      }
    }
  }
}
