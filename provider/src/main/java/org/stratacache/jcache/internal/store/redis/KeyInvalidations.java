package org.stratacache.jcache.internal.store.redis;

import org.stratacache.jcache.codec.CodecException;
import org.stratacache.jcache.internal.store.near.Invalidations;

/**
 * Invalidations of Redis keys, as a near cache hears them: keys of entries, decoded; other keys of
 * the namespace (tag sets) ignored; a key that cannot be decoded drops every entry, as it cannot
 * tell which one changed.
 *
 * @param <K> the key type
 */
final class KeyInvalidations<K> implements Invalidations<byte[]> {

  private final KeyCodec<K> keys;
  private final Invalidations<K> listener;

  KeyInvalidations(KeyCodec<K> keys, Invalidations<K> listener) {
    this.keys = keys;
    this.listener = listener;
  }

  @Override
  public void invalidate(byte[] redisKey) {
    if (!keys.isEntryKey(redisKey)) {
      return;
    }
    K key;
    try {
      key = keys.decode(redisKey);
    } catch (CodecException foreign) {
      listener.invalidateAll();
      return;
    }
    listener.invalidate(key);
  }

  @Override
  public void invalidateAll() {
    listener.invalidateAll();
  }

  @Override
  public void resume() {
    listener.resume();
  }

  @Override
  public void suspend() {
    listener.suspend();
  }
}
