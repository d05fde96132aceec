package org.stratacache.jcache.internal.store.redis;

import io.lettuce.core.ScriptOutputType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.stratacache.jcache.codec.CodecException;
import org.stratacache.jcache.store.StoreAccessException;
import org.stratacache.jcache.store.StoreEventSink;
import org.stratacache.jcache.store.StoreSecurityException;

/**
 * A cache's size index in Redis: a sorted set of its entry keys scored by their last write, kept by a
 * script sent right after every write on the same connection (pipelined: no extra round trip). It
 * gives the entry count without a SCAN and, when the cache is bounded, evicts the least recently
 * written entries beyond the bound in that script, so the bound holds across JVMs once each write's
 * script has run. Entries that expire stay in the index until a write or a size query meets them
 * among the oldest members, so between writes the count may include entries expired meanwhile.
 *
 * <p>The script touches keys it reads from the index, so on a Cluster it needs all the cache's keys in
 * one hash slot: a bounded cache has such a namespace ({@link KeyCodec}); an unbounded cache on a
 * Cluster keeps no index and reports no size.
 *
 * @param <K> the key type
 */
final class SizeIndex<K> {

  /** Oldest members checked for entries gone behind the index's back, per size query. */
  private static final byte[] RECLAIMED_PER_QUERY = {'1', '0', '0'};
  /** Entries whose memory a byte estimate samples. */
  private static final int SAMPLE = 16;
  private static final long BYTES_MAX_AGE_NANOS = TimeUnit.SECONDS.toNanos(5);

  private final RedisConnection redis;
  private final KeyCodec<K> keys;
  private final byte[] index;
  private final byte[] bound;
  private final boolean kept;
  private final StoreEventSink<K, ?> sink;
  private final Object bytesLock = new Object();
  private long bytes = -1;
  private long bytesAt;

  /**
   * The index of a cache, kept when {@code kept}.
   *
   * @param maximumSize the bound, or {@code 0} for none (a bound requires {@code kept})
   * @param sink        told of each eviction
   */
  SizeIndex(RedisConnection redis, KeyCodec<K> keys, long maximumSize, boolean kept, StoreEventSink<K, ?> sink) {
    if (maximumSize > 0 && !kept) {
      throw new IllegalArgumentException("a bounded cache keeps its size index");
    }
    this.redis = redis;
    this.keys = keys;
    this.index = keys.indexKey();
    this.bound = Long.toString(maximumSize).getBytes(StandardCharsets.US_ASCII);
    this.kept = kept;
    this.sink = sink;
  }

  /** Whether the cache has an index (so a count and, if bounded, a bound). */
  boolean isKept() {
    return kept;
  }

  /**
   * Sends the index script for keys just written or removed (call right after sending the writes);
   * awaiting the result reports the evictions it made.
   */
  Call<Void> after(byte[]... written) {
    if (!kept) {
      return what -> null;
    }
    byte[][] scriptKeys = new byte[written.length + 1][];
    scriptKeys[0] = index;
    System.arraycopy(written, 0, scriptKeys, 1, written.length);
    CompletionStage<List<byte[]>> evicted = redis.script(Script.INDEX_AFTER_WRITE, ScriptOutputType.MULTI,
        scriptKeys, bound);
    return what -> {
      report(redis.await(evicted, "the size index"));
      return null;
    };
  }

  /** {@link #after(byte[]...)} for a batch of keys. */
  Call<Void> after(List<byte[]> written) {
    return after(written.toArray(new byte[0][]));
  }

  private void report(List<byte[]> evicted) {
    for (byte[] redisKey : evicted) {
      K key;
      try {
        key = keys.decode(redisKey);
      } catch (CodecException e) {
        key = null;  // an entry counts as evicted even when its key cannot be read back
      }
      sink.onEvicted(key, null);
    }
  }

  /** The entries in the index, after reclaiming the slots of the oldest ones that are gone; -1 without one. */
  long size() {
    if (!kept) {
      return -1;
    }
    Long count = redis.await(redis.script(Script.INDEX_SIZE, ScriptOutputType.INTEGER, index, RECLAIMED_PER_QUERY),
        "the size index");
    return count == null ? 0 : count;
  }

  /**
   * An estimate of the bytes the cache holds in Redis: the memory of a random sample of its entries
   * ({@code MEMORY USAGE}) scaled to the entry count, plus the index itself. Measured at most every few
   * seconds; -1 without an index, or when the server refuses {@code MEMORY USAGE} (an ACL).
   */
  long estimatedBytes() {
    if (!kept) {
      return -1;
    }
    synchronized (bytesLock) {
      long now = System.nanoTime();
      if (bytesAt == 0 || now - bytesAt > BYTES_MAX_AGE_NANOS) {
        bytes = measureBytes();
        bytesAt = now;
      }
      return bytes;
    }
  }

  private long measureBytes() {
    try {
      long count = size();
      List<byte[]> sample = redis.await(redis.commands().zrandmember(index, SAMPLE), "ZRANDMEMBER");
      List<CompletionStage<Long>> usages = new ArrayList<>(sample.size());
      for (byte[] key : sample) {
        usages.add(redis.commands().memoryUsage(key));
      }
      CompletionStage<Long> own = redis.commands().memoryUsage(index);
      long sampled = 0;
      long measured = 0;
      for (CompletionStage<Long> usage : usages) {
        Long entryBytes = redis.await(usage, "MEMORY USAGE");
        if (entryBytes != null) {
          sampled += entryBytes;
          measured++;
        }
      }
      Long indexBytes = redis.await(own, "MEMORY USAGE");
      long entries = measured == 0 ? 0 : Math.round((double) sampled / measured * count);
      return entries + (indexBytes == null ? 0 : indexBytes);
    } catch (StoreAccessException | StoreSecurityException e) {
      return -1;  // unreachable now, or MEMORY USAGE refused by an ACL: no estimate rather than a failure
    }
  }
}
