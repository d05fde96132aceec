package org.stratacache.jcache.internal.store.redis;

import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.ScoredValue;
import io.lettuce.core.ScoredValueScanCursor;
import io.lettuce.core.ScriptOutputType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.stratacache.jcache.store.Lifetime;

/**
 * The tags of one cache's entries: a sorted set per tag, inside the cache's namespace, whose
 * members are the Redis keys of the tagged entries, scored by when the tag stops applying.
 *
 * @param <K> the key type
 */
final class Tags<K> {

  private final RedisConnection redis;
  private final StoredValues<K, ?> values;

  Tags(RedisConnection redis, StoredValues<K, ?> values) {
    this.redis = redis;
    this.values = values;
  }

  /** Tags the entry of {@code key} with each of {@code tags} for {@code lifetime} (for ever unless finite). */
  void tag(K key, Collection<String> tags, Lifetime lifetime) {
    byte[] member = values.keys().encode(key);
    byte[] ttl = Ttl.ascii(lifetime.isFinite() ? lifetime.millis() : Ttl.ETERNAL);
    List<CompletionStage<Long>> pending = new ArrayList<>(tags.size());
    for (String tag : tags) {
      pending.add(redis.script(Script.TAG_ADD, ScriptOutputType.INTEGER, values.keys().tagKey(tag), member, ttl));
    }
    pending.forEach(future -> redis.await(future, "tag"));
  }

  /** The keys tagged {@code tag}, one ZSCAN page at a time; unreadable keys as the corrupt-value policy says. */
  Collection<K> tagged(String tag) {
    List<K> tagged = new ArrayList<>();
    byte[] tagKey = values.keys().tagKey(tag);
    ScanCursor cursor = ScanCursor.INITIAL;
    do {
      ScoredValueScanCursor<byte[]> page = redis.await(redis.commands().zscan(tagKey, cursor,
          ScanArgs.Builder.limit(Batches.SIZE)), "ZSCAN");
      for (ScoredValue<byte[]> member : page.getValues()) {
        K key = values.decodeKey(member.getValue());
        if (key != null) {
          tagged.add(key);
        }
      }
      cursor = page;
    } while (!cursor.isFinished());
    return tagged;
  }

  /** Takes {@code tag} off the entries of {@code untagged}. */
  void untag(String tag, Collection<? extends K> untagged) {
    byte[] tagKey = values.keys().tagKey(tag);
    List<CompletionStage<Long>> pending = new ArrayList<>();
    Batches.<K>split(untagged, batch -> {
      byte[][] members = new byte[batch.size()][];
      for (int i = 0; i < members.length; i++) {
        members[i] = values.keys().encode(batch.get(i));
      }
      pending.add(redis.commands().zrem(tagKey, members));
    });
    pending.forEach(future -> redis.await(future, "ZREM"));
  }
}
