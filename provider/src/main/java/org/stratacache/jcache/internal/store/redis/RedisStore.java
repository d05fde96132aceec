package org.stratacache.jcache.internal.store.redis;

import io.lettuce.core.GetExArgs;
import io.lettuce.core.KeyValue;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.stratacache.jcache.internal.store.near.Invalidations;
import org.stratacache.jcache.internal.store.near.RemoteSource;
import org.stratacache.jcache.store.EntryExpiry;
import org.stratacache.jcache.store.Lifetime;
import org.stratacache.jcache.store.Remapping;
import org.stratacache.jcache.store.StoreEntry;
import org.stratacache.jcache.store.StoreMetrics;
import org.stratacache.jcache.store.StoreOps;
import org.stratacache.jcache.store.Want;
import org.stratacache.jcache.store.WriteHook;
import org.stratacache.jcache.store.WriteResult;
import org.stratacache.jcache.store.WriteResult.Outcome;

/**
 * A store in Redis (a {@link RemoteSource}, so a near cache can sit on it). Every single-key operation is one
 * round trip when the expiry is fixed (the standard policies): a native command ({@code SET NX/XX/KEEPTTL/PX/GET},
 * {@code GETEX}, {@code GETDEL}) or a Lua script. Expiry policies that must be asked per branch, entry processors
 * and write-through go through {@link CompareAndSet}. Bulk operations are pipelined in {@link Batches}; iteration
 * and clearing use SCAN over the cache's namespace; keys and values are encoded and decoded by {@link StoredValues},
 * tags kept by {@link Tags}.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class RedisStore<K, V> implements RemoteSource<K, V> {

  private final RedisConnection redis;
  private final RedisClusterAsyncCommands<byte[], byte[]> commands;
  private final StoredValues<K, V> values;
  private final KeyCodec<K> keys;
  private final CompareAndSet<K, V> cas;
  private final Tags<K> tags;
  private final SizeIndex<K> index;
  private final Function<Invalidations<byte[]>, AutoCloseable> tracker;

  /**
   * A store of one cache.
   *
   * @param tracker opens key tracking under the cache's namespace, for a near cache
   */
  RedisStore(RedisConnection redis, StoredValues<K, V> values, SizeIndex<K> index,
             Function<Invalidations<byte[]>, AutoCloseable> tracker) {
    this.redis = redis;
    this.commands = redis.commands();
    this.values = values;
    this.keys = values.keys();
    this.cas = new CompareAndSet<>(redis, values);
    this.tags = new Tags<>(redis, values);
    this.index = index;
    this.tracker = tracker;
  }

  // ---- reads

  @Override
  public StoreEntry<V> get(K key, EntryExpiry expiry) {
    byte[] k = keys.encode(key);
    if (expiry.isFixed()) {
      byte[] raw = redis.await(read(k, expiry.onAccess()), "GET");
      return raw == null ? null : healing(key, k, raw);
    }
    byte[] raw = redis.await(commands.get(k), "GET");
    StoreEntry<V> entry = raw == null ? null : healing(key, k, raw);
    if (entry != null) {
      Lifetime access = expiry.onAccess();
      if (!access.isKeep()) {
        redis.await(cas.touch(k, raw, access), "the access expiry");
      }
    }
    return entry;
  }

  /**
   * The entry of stored bytes; bytes that cannot be decoded and count as a miss are removed (if
   * still the same), so that a loader can put a good value back.
   */
  private StoreEntry<V> healing(K key, byte[] k, byte[] raw) {
    StoreEntry<V> entry = values.entry(key, raw);
    if (entry == null) {
      redis.await(cas.removeIfUnchanged(k, raw), "removing an unreadable value");
    }
    return entry;
  }

  private CompletionStage<byte[]> read(byte[] k, Lifetime access) {
    if (access.isKeep()) {
      return commands.get(k);
    }
    if (access.isExpireNow()) {
      return commands.getdel(k);
    }
    GetExArgs lifetime = access.isEternal() ? GetExArgs.Builder.persist() : GetExArgs.Builder.px(access.millis());
    return commands.getex(k, lifetime);
  }

  /** GET and PTTL of each key, pipelined: a change between the two is reported by tracking. */
  @Override
  public Map<K, StoreEntry<V>> readAllWithExpiry(Collection<? extends K> wanted, long now) {
    Map<K, StoreEntry<V>> found = new LinkedHashMap<>();
    Batches.<K>split(wanted, batch -> {
      List<CompletionStage<byte[]>> raws = new ArrayList<>(batch.size());
      List<CompletionStage<Long>> lifetimes = new ArrayList<>(batch.size());
      for (K key : batch) {
        byte[] k = keys.encode(key);
        raws.add(commands.get(k));
        lifetimes.add(commands.pttl(k));
      }
      for (int i = 0; i < batch.size(); i++) {
        byte[] raw = redis.await(raws.get(i), "GET");
        long lifetime = redis.await(lifetimes.get(i), "PTTL");
        V value = raw == null || lifetime == -2 ? null : values.decode(batch.get(i), raw);
        if (value != null) {
          found.put(batch.get(i), new StoreEntry<>(value, lifetime < 0 ? StoreEntry.NEVER : now + lifetime));
        }
      }
    });
    return found;
  }

  @Override
  public AutoCloseable track(Invalidations<K> listener) {
    return tracker.apply(new KeyInvalidations<>(keys, listener));
  }

  @Override
  public boolean containsKey(K key) {
    return redis.await(commands.exists(new byte[][] {keys.encode(key)}), "EXISTS") > 0;
  }

  @Override
  public Map<K, V> getAll(Collection<? extends K> wanted, EntryExpiry expiry) {
    Map<K, V> found = new LinkedHashMap<>();
    Batches.<K>split(wanted, batch -> readBatch(batch, expiry, found));
    return found;
  }

  private void readBatch(List<K> batch, EntryExpiry expiry, Map<K, V> found) {
    byte[][] encoded = new byte[batch.size()][];
    for (int i = 0; i < encoded.length; i++) {
      encoded[i] = keys.encode(batch.get(i));
    }
    if (expiry.isFixed() && !expiry.onAccess().isKeep()) {
      Lifetime access = expiry.onAccess();
      List<CompletionStage<byte[]>> reads = new ArrayList<>(encoded.length);
      for (byte[] k : encoded) {
        reads.add(read(k, access));
      }
      for (int i = 0; i < encoded.length; i++) {
        addFound(batch.get(i), redis.await(reads.get(i), "GETEX"), found);
      }
      return;
    }
    List<KeyValue<byte[], byte[]>> pairs = redis.await(commands.mget(encoded), "MGET");
    List<CompletionStage<Long>> touches = new ArrayList<>();
    for (int i = 0; i < pairs.size(); i++) {
      KeyValue<byte[], byte[]> pair = pairs.get(i);
      byte[] raw = pair.hasValue() ? pair.getValue() : null;
      if (addFound(batch.get(i), raw, found) && !expiry.isFixed()) {
        Lifetime access = expiry.onAccess();
        if (!access.isKeep()) {
          touches.add(cas.touch(encoded[i], raw, access));
        }
      }
    }
    touches.forEach(touch -> redis.await(touch, "the access expiry"));
  }

  private boolean addFound(K key, byte[] raw, Map<K, V> found) {
    V value = raw == null ? null : values.decode(key, raw);
    if (value != null) {
      found.put(key, value);
    }
    return value != null;
  }

  // ---- single-key writes

  @Override
  public <R> R compute(K key, Remapping<V, R> remapping) {
    byte[] k = keys.encode(key);
    R result = cas.compute(key, k, remapping);
    index.after(k).await("the size index");
    return result;
  }

  @Override
  public WriteResult<V> put(K key, V value, EntryExpiry expiry, Want want) {
    if (!expiry.isFixed()) {
      return compute(key, StoreOps.put(value, expiry, WriteHook.none()));
    }
    return putCommand(key, value, expiry, want).await("PUT");
  }

  private Call<WriteResult<V>> putCommand(K key, V value, EntryExpiry expiry, Want want) {
    byte[] k = keys.encode(key);
    return indexed(k, sendPut(key, k, value, expiry, want));
  }

  /** {@code write}, already sent, followed by the size index script for {@code k} in the same pipeline. */
  private <R> Call<R> indexed(byte[] k, Call<R> write) {
    if (!index.isKept()) {
      return write;
    }
    Call<Void> indexing = index.after(k);
    return what -> {
      R result = write.await(what);
      indexing.await(what);
      return result;
    };
  }

  private Call<WriteResult<V>> sendPut(K key, byte[] k, V value, EntryExpiry expiry, Want want) {
    byte[] v = values.encode(value);
    Lifetime creation = expiry.onCreation().orIfKeep(Lifetime.ETERNAL);
    Lifetime update = expiry.onUpdate();
    boolean uniform = !creation.isExpireNow()
        && (creation.equals(update) || (creation.isEternal() && update.isKeep()));
    if (uniform && want == Want.NOTHING) {
      return Call.of(redis, commands.set(k, v, Ttl.setArgs(creation, update)),
          ok -> values.stored(value, v, WriteResult.written()));
    }
    if (uniform && want == Want.PREVIOUS) {
      return Call.of(redis, commands.setGet(k, v, Ttl.setArgs(creation, update)), old -> old == null
          ? values.stored(value, v, WriteResult.created()) : values.replaced(value, v, key, old));
    }
    byte[] mode = Ttl.ascii(want == Want.NOTHING ? 0 : want == Want.OUTCOME ? 1 : 2);
    return Call.of(redis, redis.<List<Object>>script(Script.PUT, ScriptOutputType.MULTI, k, v, Ttl.arg(creation),
        Ttl.arg(update), mode), reply -> putResult(key, value, v, reply));
  }

  private WriteResult<V> putResult(K key, V value, byte[] v, List<Object> reply) {
    long code = (Long) reply.get(0);
    if (code == 1) {
      return values.stored(value, v, WriteResult.created());
    }
    if (code == 3) {
      return WriteResult.discarded();
    }
    byte[] old = reply.size() > 1 ? (byte[]) reply.get(1) : null;
    return old == null ? values.stored(value, v, WriteResult.of(Outcome.UPDATED, null))
        : values.replaced(value, v, key, old);
  }

  @Override
  public WriteResult<V> putIfAbsent(K key, V value, EntryExpiry expiry) {
    if (!expiry.isFixed()) {
      return compute(key, StoreOps.putIfAbsent(value, expiry, WriteHook.none()));
    }
    byte[] k = keys.encode(key);
    Lifetime creation = expiry.onCreation().orIfKeep(Lifetime.ETERNAL);
    if (creation.isExpireNow()) {
      return containsKey(key) ? WriteResult.of(Outcome.PRESENT, null) : WriteResult.discarded();
    }
    SetArgs args = creation.isEternal() ? SetArgs.Builder.nx() : SetArgs.Builder.nx().px(creation.millis());
    byte[] v = values.encode(value);
    String reply = indexed(k, Call.of(redis, commands.set(k, v, args), ok -> ok)).await("SET NX");
    return reply == null ? WriteResult.of(Outcome.PRESENT, null) : values.stored(value, v, WriteResult.created());
  }

  @Override
  public WriteResult<V> replace(K key, V value, EntryExpiry expiry, Want want) {
    if (!expiry.isFixed()) {
      return compute(key, StoreOps.replace(value, expiry, WriteHook.none()));
    }
    byte[] k = keys.encode(key);
    Lifetime update = expiry.onUpdate();
    if (update.isExpireNow()) {
      WriteResult<V> removed = remove(key, want);
      return removed.outcome() == Outcome.REMOVED
          ? WriteResult.of(Outcome.UPDATED, removed.previous()) : WriteResult.absent();
    }
    SetArgs args = SetArgs.Builder.xx();
    if (update.isKeep()) {
      args.keepttl();
    } else if (!update.isEternal()) {
      args.px(update.millis());
    }
    byte[] v = values.encode(value);
    if (want == Want.PREVIOUS) {
      byte[] old = indexed(k, Call.of(redis, commands.setGet(k, v, args), ok -> ok)).await("SET XX GET");
      return old == null ? WriteResult.absent() : values.replaced(value, v, key, old);
    }
    String reply = indexed(k, Call.of(redis, commands.set(k, v, args), ok -> ok)).await("SET XX");
    return reply == null ? WriteResult.absent() : values.stored(value, v, WriteResult.of(Outcome.UPDATED, null));
  }

  @Override
  public WriteResult<V> replace(K key, V expected, V value, EntryExpiry expiry) {
    if (!expiry.isFixed()) {
      return compute(key, StoreOps.replace(expected, value, expiry, WriteHook.none()));
    }
    byte[] k = keys.encode(key);
    byte[] e = values.encode(expected);
    byte[] v = values.encode(value);
    List<Object> reply = indexed(k, Call.of(redis, redis.<List<Object>>script(Script.REPLACE_IF_EQUAL,
        ScriptOutputType.MULTI, k, e, v, Ttl.arg(expiry.onUpdate())), ok -> ok)).await("replace");
    if ((Long) reply.get(0) == 2) {
      values.written(value, v);
      values.written(expected, e);
    }
    return cas.conditional(key, k, reply, expected, expiry, Outcome.UPDATED,
        () -> compute(key, StoreOps.replace(expected, value, expiry, WriteHook.none())));
  }

  @Override
  public WriteResult<V> remove(K key, Want want) {
    return removeCommand(key, want).await(want == Want.PREVIOUS ? "GETDEL" : "UNLINK");
  }

  @Override
  public WriteResult<V> remove(K key, V expected, EntryExpiry expiry) {
    if (!expiry.isFixed()) {
      return compute(key, StoreOps.remove(expected, expiry, WriteHook.none()));
    }
    byte[] k = keys.encode(key);
    byte[] e = values.encode(expected);
    List<Object> reply = indexed(k, Call.of(redis, redis.<List<Object>>script(Script.REMOVE_IF_EQUAL,
        ScriptOutputType.MULTI, k, e), ok -> ok)).await("remove");
    if ((Long) reply.get(0) == 2) {
      values.written(expected, e);
    }
    return cas.conditional(key, k, reply, expected, expiry, Outcome.REMOVED,
        () -> compute(key, StoreOps.remove(expected, expiry, WriteHook.none())));
  }

  // ---- bulk writes

  @Override
  public Map<K, WriteResult<V>> putAll(Map<? extends K, ? extends V> entries, EntryExpiry expiry, Want want) {
    if (!expiry.isFixed()) {
      return RemoteSource.super.putAll(entries, expiry, want);
    }
    return Batches.<Map.Entry<? extends K, ? extends V>, K, WriteResult<V>>pipeline(entries.entrySet(),
        Map.Entry::getKey, entry -> {
          K key = entry.getKey();
          return sendPut(key, keys.encode(key), entry.getValue(), expiry, want);
        }, this::indexBatch, "PUT");
  }

  @Override
  public Map<K, WriteResult<V>> removeAll(Collection<? extends K> toRemove, Want want) {
    return Batches.<K, K, WriteResult<V>>pipeline(toRemove, key -> key, key -> sendRemove(keys.encode(key), key, want),
        this::indexBatch, "UNLINK");
  }

  private Call<Void> indexBatch(List<K> written) {
    if (!index.isKept()) {
      return what -> null;
    }
    List<byte[]> encoded = new ArrayList<>(written.size());
    written.forEach(key -> encoded.add(keys.encode(key)));
    return index.after(encoded);
  }

  private Call<WriteResult<V>> removeCommand(K key, Want want) {
    byte[] k = keys.encode(key);
    return indexed(k, sendRemove(k, key, want));
  }

  private Call<WriteResult<V>> sendRemove(byte[] k, K key, Want want) {
    return want == Want.PREVIOUS
        ? Call.of(redis, commands.getdel(k), old -> old == null
            ? WriteResult.<V>absent() : WriteResult.of(Outcome.REMOVED, values.previous(key, old)))
        : Call.of(redis, commands.unlink(new byte[][] {k}), count -> count > 0
            ? WriteResult.<V>of(Outcome.REMOVED, null) : WriteResult.<V>absent());
  }

  // ---- iteration and namespace-wide operations

  @Override
  public Iterator<Map.Entry<K, V>> iterator() {
    return new ScanIterator<>(redis, values, keys.matchAll(), true);
  }

  @Override
  public Iterator<K> keys(String glob) {
    return ScanIterator.keys(new ScanIterator<>(redis, values, keys.match(glob), false));
  }

  @Override
  public void clear() {
    ScanPages pages = new ScanPages(redis, keys.matchAll());
    while (pages.hasNext()) {
      List<byte[]> page = pages.next();
      if (!page.isEmpty()) {
        redis.await(commands.unlink(page.toArray(new byte[0][])), "UNLINK");
      }
    }
  }

  @Override
  public long estimatedSize() {
    return index.size();
  }

  @Override
  public Lifetime remainingLifetime(K key) {
    Long millis = redis.await(commands.pttl(keys.encode(key)), "PTTL");
    return Ttl.remaining(millis);
  }

  @Override
  public void tag(K key, Collection<String> tags, Lifetime lifetime) {
    this.tags.tag(key, tags, lifetime);
  }

  @Override
  public Collection<K> taggedKeys(String tag) {
    return tags.tagged(tag);
  }

  @Override
  public void untag(String tag, Collection<? extends K> untagged) {
    tags.untag(tag, untagged);
  }

  @Override
  public StoreMetrics metrics() {
    return values.metrics(cas.retries()).withEstimatedBytes(index.estimatedBytes());
  }

  @Override
  public void close() {
    // the connection belongs to the cache manager; the data stays in Redis for other JVMs
  }
}
