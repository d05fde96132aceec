package org.stratacache.jcache.internal.store.redis;

import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stratacache.jcache.codec.ClassNotAllowedException;
import org.stratacache.jcache.codec.CodecException;
import org.stratacache.jcache.configuration.CorruptValuePolicy;
import org.stratacache.jcache.internal.codec.ValueCodec;
import org.stratacache.jcache.store.StoreEntry;
import org.stratacache.jcache.store.StoreMetrics;
import org.stratacache.jcache.store.WriteResult;
import org.stratacache.jcache.store.WriteResult.Outcome;

/**
 * The keys and values of one cache as Redis holds them: encoding, decoding under the cache's
 * corrupt-value policy, and the byte counters of its store. One instance serves the cache's store,
 * its iteration and its remote events, so the event of a write reuses the bytes the write stored
 * (see {@link WrittenBytes}) instead of encoding the value again. Thread-safe.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class StoredValues<K, V> {

  private static final Logger LOG = LoggerFactory.getLogger(StoredValues.class);

  private final String cacheName;
  private final String maskedUri;
  private final KeyCodec<K> keys;
  private final ValueCodec codec;
  private final Class<V> valueType;
  private final CorruptValuePolicy corruptValues;
  private final WrittenBytes written;
  private final LongAdder decodeFailures = new LongAdder();
  private final LongAdder bytesWritten = new LongAdder();
  private final LongAdder bytesRead = new LongAdder();
  private final LongAdder compressedWrites = new LongAdder();

  /**
   * The stored form of one cache's entries.
   *
   * @param maskedUri  where the values are, for messages (without secrets)
   * @param withEvents whether the cache shares its events, so a write keeps its bytes for its event
   */
  StoredValues(String cacheName, String maskedUri, KeyCodec<K> keys, ValueCodec codec, Class<V> valueType,
               CorruptValuePolicy corruptValues, boolean withEvents) {
    this.cacheName = cacheName;
    this.maskedUri = maskedUri;
    this.keys = keys;
    this.codec = codec;
    this.valueType = valueType;
    this.corruptValues = corruptValues;
    this.written = withEvents ? new WrittenBytes() : null;
  }

  String cacheName() {
    return cacheName;
  }

  KeyCodec<K> keys() {
    return keys;
  }

  /** The stored bytes of a value the store writes. */
  byte[] encode(V value) {
    try {
      byte[] bytes = codec.encode(value);
      bytesWritten.add(bytes.length);
      if (ValueCodec.isCompressed(bytes)) {
        compressedWrites.increment();
      }
      return bytes;
    } catch (ClassNotAllowedException e) {
      throw e;
    } catch (CodecException e) {
      throw new CodecException("Cannot store a value of " + value.getClass().getName() + " in cache '" + cacheName
          + "': " + e.getMessage(), e);
    }
  }

  /** The value of stored bytes, or {@code null} when they are corrupt and the policy says miss. */
  @SuppressWarnings("unchecked")
  V decode(Object key, byte[] raw) {
    try {
      Object value = codec.decode(raw);
      if (!valueType.isInstance(value)) {
        throw new CodecException("it holds a " + value.getClass().getName() + ", not a " + valueType.getName());
      }
      bytesRead.add(raw.length);
      return (V) value;
    } catch (CodecException e) {
      decodeFailures.increment();
      String message = "Cannot read the value of key '" + keys.shown(key) + "' of cache '" + cacheName + "' from "
          + maskedUri + ": " + e.getMessage();
      if (corruptValues == CorruptValuePolicy.MISS) {
        LOG.warn("{} (treated as a miss)", message);
        return null;
      }
      throw new CodecException(message, e);
    }
  }

  /** The entry of stored bytes, of unknown expiry; {@code null} as {@link #decode}. */
  StoreEntry<V> entry(K key, byte[] raw) {
    V value = decode(key, raw);
    return value == null ? null : new StoreEntry<>(value, StoreEntry.UNKNOWN);
  }

  /**
   * A value a write replaced or removed, kept for the write's event: the write happened, so a value
   * that cannot be read only loses itself.
   */
  V previous(K key, byte[] raw) {
    V value;
    try {
      value = decode(key, raw);
    } catch (CodecException e) {
      LOG.warn("{} (the entry was replaced or removed anyway)", e.getMessage());
      return null;
    }
    if (value != null) {
      written(value, raw);
    }
    return value;
  }

  /** Tells the write's event that {@code value} is stored as {@code bytes}: Redis acknowledged the write. */
  void written(V value, byte[] bytes) {
    if (written != null) {
      written.keep(value, bytes);
    }
  }

  /** {@code result}, of a write that stored {@code value} as {@code bytes}: {@link #written} for its event. */
  WriteResult<V> stored(V value, byte[] bytes, WriteResult<V> result) {
    written(value, bytes);
    return result;
  }

  /** An update that stored {@code value} as {@code bytes} over {@code old}: both kept for its event, new first. */
  WriteResult<V> replaced(V value, byte[] bytes, K key, byte[] old) {
    written(value, bytes);
    return WriteResult.of(Outcome.UPDATED, previous(key, old));
  }

  /** The key of a Redis key, or {@code null} when it cannot be read and the policy says skip it. */
  K decodeKey(byte[] redisKey) {
    try {
      return keys.decode(redisKey);
    } catch (CodecException e) {
      decodeFailures.increment();
      String message = "Cannot read Redis key '" + keys.printable(redisKey) + "' of cache '" + cacheName + "': "
          + e.getMessage();
      if (corruptValues == CorruptValuePolicy.MISS) {
        LOG.warn("{} (skipped)", message);
        return null;
      }
      throw new CodecException(message, e);
    }
  }

  // ---- remote events: never counted as the store's traffic

  /**
   * The stored bytes of a value an event carries: those its write stored, else encoded now.
   *
   * @throws CodecException when the value cannot be encoded
   */
  byte[] eventBytes(Object value) {
    byte[] kept = written == null ? null : written.take(value);
    return kept != null ? kept : codec.encode(value);
  }

  /** The value carried by an event, or {@code null} (logged) when it cannot be read here. */
  @SuppressWarnings("unchecked")
  V eventValue(K key, byte[] raw) {
    if (raw == null) {
      return null;
    }
    try {
      Object value = codec.decode(raw);
      if (valueType.isInstance(value)) {
        return (V) value;
      }
      LOG.warn("Ignored the value in an event of key '{}' in cache '{}': a {}, not a {}", key, cacheName,
          value.getClass().getName(), valueType.getName());
    } catch (CodecException e) {
      LOG.warn("Ignored the value in an event of key '{}' in cache '{}': {}", key, cacheName, e.getMessage());
    }
    return null;
  }

  /** The store's metrics, with the compare-and-set retries counted elsewhere. */
  StoreMetrics metrics(long casRetries) {
    return new StoreMetrics(decodeFailures.sum(), 0, bytesWritten.sum(), codec.serializedBytes(), bytesRead.sum(),
        compressedWrites.sum(), casRetries, 0, 0, 0, 0, -1);
  }
}
