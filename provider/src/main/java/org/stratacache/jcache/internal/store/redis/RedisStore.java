package org.stratacache.jcache.internal.store.redis;

import io.lettuce.core.GetExArgs;
import io.lettuce.core.KeyValue;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.ScoredValue;
import io.lettuce.core.ScoredValueScanCursor;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stratacache.jcache.codec.ClassNotAllowedException;
import org.stratacache.jcache.codec.CodecException;
import org.stratacache.jcache.configuration.CorruptValuePolicy;
import org.stratacache.jcache.internal.codec.ValueCodec;
import org.stratacache.jcache.internal.store.near.Invalidations;
import org.stratacache.jcache.internal.store.near.RemoteSource;
import org.stratacache.jcache.store.Decision;
import org.stratacache.jcache.store.EntryExpiry;
import org.stratacache.jcache.store.Remapping;
import org.stratacache.jcache.store.StoreAccessException;
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
 * and write-through go through {@link #compute}: read, decide in Java, commit with a script that applies the change
 * only if the stored bytes are still those read, else read again. Bulk operations are pipelined in batches of
 * {@value #BATCH}; iteration and clearing use SCAN over the cache's namespace.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class RedisStore<K, V> implements RemoteSource<K, V> {

  static final int BATCH = 1000;

  private static final Logger LOG = LoggerFactory.getLogger(RedisStore.class);
  private static final byte[] EMPTY = new byte[0];
  private static final byte[] ONE = {'1'};
  private static final byte[] ZERO = {'0'};
  private static final int STRIPES = 256;

  private final String cacheName;
  private final RedisConnection redis;
  private final RedisClusterAsyncCommands<byte[], byte[]> commands;
  private final KeyCodec<K> keys;
  private final ValueCodec values;
  private final Class<V> valueType;
  private final CorruptValuePolicy corruptValues;
  private final LongAdder decodeFailures = new LongAdder();
  private final LongAdder bytesWritten = new LongAdder();
  private final LongAdder bytesRead = new LongAdder();
  private final LongAdder compressedWrites = new LongAdder();
  private final LongAdder casRetries = new LongAdder();
  private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];
  private final long casBudgetNanos;
  private final Function<Invalidations<byte[]>, AutoCloseable> tracker;

  /**
   * A store of one cache.
   *
   * @param tracker opens key tracking under the cache's namespace, for a near cache
   */
  RedisStore(String cacheName, RedisConnection redis, KeyCodec<K> keys, ValueCodec values, Class<V> valueType,
             CorruptValuePolicy corruptValues, Function<Invalidations<byte[]>, AutoCloseable> tracker) {
    this.cacheName = cacheName;
    this.tracker = tracker;
    this.redis = redis;
    this.commands = redis.commands();
    this.keys = keys;
    this.values = values;
    this.valueType = valueType;
    this.corruptValues = corruptValues;
    this.casBudgetNanos = redis.timeout().multipliedBy(4).toNanos();
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new ReentrantLock();
    }
  }

  /** A command sent, and what turns its reply into a result: on the caller's thread, not Lettuce's. */
  @FunctionalInterface
  private interface Call<R> {
    R await(String what);
  }

  private <T, R> Call<R> call(CompletionStage<T> reply, Function<T, R> finish) {
    return what -> finish.apply(redis.await(reply, what));
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
      long access = expiry.onAccess();
      if (access != EntryExpiry.KEEP) {
        redis.await(commit(k, raw, "touch", EMPTY, access), "the access expiry");
      }
    }
    return entry;
  }

  /**
   * The entry of stored bytes; bytes that cannot be decoded and count as a miss are removed (if
   * still the same), so that a loader can put a good value back.
   */
  private StoreEntry<V> healing(K key, byte[] k, byte[] raw) {
    StoreEntry<V> entry = entry(key, raw);
    if (entry == null) {
      redis.await(commit(k, raw, "remove", EMPTY, 0), "removing an unreadable value");
    }
    return entry;
  }

  private CompletionStage<byte[]> read(byte[] k, long access) {
    if (access == EntryExpiry.KEEP) {
      return commands.get(k);
    }
    if (access == 0) {
      return commands.getdel(k);
    }
    GetExArgs lifetime = access == EntryExpiry.ETERNAL ? GetExArgs.Builder.persist() : GetExArgs.Builder.px(access);
    return commands.getex(k, lifetime);
  }

  @Override
  public Map<K, StoreEntry<V>> readAllWithExpiry(Collection<? extends K> wanted, long now) {
    Map<K, StoreEntry<V>> found = new LinkedHashMap<>();
    List<K> batch = new ArrayList<>(Math.min(BATCH, wanted.size()));
    Iterator<? extends K> remaining = wanted.iterator();
    while (remaining.hasNext()) {
      batch.add(remaining.next());
      if (batch.size() == BATCH || !remaining.hasNext()) {
        readWithExpiry(batch, now, found);
        batch.clear();
      }
    }
    return found;
  }

  /** GET and PTTL of each key, pipelined: a change between the two is reported by tracking. */
  private void readWithExpiry(List<K> batch, long now, Map<K, StoreEntry<V>> found) {
    List<CompletionStage<byte[]>> values = new ArrayList<>(batch.size());
    List<CompletionStage<Long>> lifetimes = new ArrayList<>(batch.size());
    for (K key : batch) {
      byte[] k = keys.encode(key);
      values.add(commands.get(k));
      lifetimes.add(commands.pttl(k));
    }
    for (int i = 0; i < batch.size(); i++) {
      byte[] raw = redis.await(values.get(i), "GET");
      long lifetime = redis.await(lifetimes.get(i), "PTTL");
      V value = raw == null || lifetime == -2 ? null : decode(batch.get(i), raw);
      if (value != null) {
        found.put(batch.get(i), new StoreEntry<>(value, lifetime < 0 ? StoreEntry.NEVER : now + lifetime));
      }
    }
  }

  @Override
  public AutoCloseable track(Invalidations<K> listener) {
    return tracker.apply(new Invalidations<>() {
      @Override
      public void invalidate(byte[] redisKey) {
        if (!keys.isEntryKey(redisKey)) {
          return;
        }
        K key;
        try {
          key = keys.decode(redisKey);
        } catch (CodecException foreign) {
          listener.invalidateAll();  // cannot tell which entry it was: drop them all
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
    });
  }

  @Override
  public boolean containsKey(K key) {
    return redis.await(commands.exists(new byte[][] {keys.encode(key)}), "EXISTS") > 0;
  }

  @Override
  public Map<K, V> getAll(Collection<? extends K> wanted, EntryExpiry expiry) {
    Map<K, V> found = new LinkedHashMap<>();
    List<K> batch = new ArrayList<>(Math.min(BATCH, wanted.size()));
    for (K key : wanted) {
      batch.add(key);
      if (batch.size() == BATCH) {
        readBatch(batch, expiry, found);
        batch.clear();
      }
    }
    if (!batch.isEmpty()) {
      readBatch(batch, expiry, found);
    }
    return found;
  }

  private void readBatch(List<K> batch, EntryExpiry expiry, Map<K, V> found) {
    byte[][] encoded = new byte[batch.size()][];
    for (int i = 0; i < encoded.length; i++) {
      encoded[i] = keys.encode(batch.get(i));
    }
    if (expiry.isFixed() && expiry.onAccess() != EntryExpiry.KEEP) {
      long access = expiry.onAccess();
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
        long access = expiry.onAccess();
        if (access != EntryExpiry.KEEP) {
          touches.add(commit(encoded[i], raw, "touch", EMPTY, access));
        }
      }
    }
    touches.forEach(touch -> redis.await(touch, "the access expiry"));
  }

  private boolean addFound(K key, byte[] raw, Map<K, V> found) {
    if (raw == null) {
      return false;
    }
    V value = decode(key, raw);
    if (value != null) {
      found.put(key, value);
    }
    return value != null;
  }

  // ---- single-key writes

  /**
   * Read, decide, commit if unchanged, else again. Within this JVM, computes of keys that share a
   * lock stripe take turns, so a remapping's side effects (a write-through writer, a processor)
   * repeat only when another JVM wrote the key in between. Gives up after four command timeouts.
   */
  @Override
  public <R> R compute(K key, Remapping<V, R> remapping) {
    byte[] k = keys.encode(key);
    ReentrantLock stripe = stripes[(java.util.Arrays.hashCode(k) & 0x7fffffff) % STRIPES];
    try {
      if (!stripe.tryLock(casBudgetNanos, TimeUnit.NANOSECONDS)) {
        throw new StoreAccessException("Timed out waiting for other updates of key '" + keys.shown(key) + "' in cache '"
            + cacheName + "'");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreAccessException("Interrupted updating key '" + keys.shown(key) + "' of " + cacheName, e);
    }
    try {
      return compareAndSet(key, k, remapping);
    } finally {
      stripe.unlock();
    }
  }

  private <R> R compareAndSet(K key, byte[] k, Remapping<V, R> remapping) {
    long deadline = System.nanoTime() + casBudgetNanos;
    for (int attempt = 1; ; attempt++) {
      byte[] raw = redis.await(commands.get(k), "GET");
      StoreEntry<V> current = raw == null ? null : entry(key, raw);
      Decision<V, R> decision = remapping.remap(current);
      if (decision.action() == Decision.Action.NONE) {
        return decision.result();
      }
      String action;
      byte[] value = EMPTY;
      long duration = decision.duration();
      switch (decision.action()) {
        case PUT:
          action = "put";
          value = encode(decision.value());
          break;
        case TOUCH:
          action = "touch";
          break;
        default:
          action = "remove";
          duration = 0;
          break;
      }
      if (redis.await(commit(k, raw, action, value, duration), "compare-and-set") == 1L) {
        return decision.result();
      }
      casRetries.increment();
      if (System.nanoTime() - deadline > 0 || Thread.currentThread().isInterrupted()) {
        throw new StoreAccessException("Gave up on key '" + keys.shown(key) + "' in cache '" + cacheName + "' after "
            + attempt + " attempts: other writers kept changing it");
      }
      backOff(attempt);
    }
  }

  private CompletionStage<Long> commit(byte[] k, byte[] expected, String action, byte[] value, long duration) {
    return redis.script(Script.APPLY_IF_UNCHANGED, ScriptOutputType.INTEGER, k, expected == null ? ZERO : ONE,
        expected == null ? EMPTY : expected, action.getBytes(StandardCharsets.US_ASCII), value, Ttl.arg(duration));
  }

  private static void backOff(int attempt) {
    if (attempt < 4) {
      Thread.onSpinWait();
      return;
    }
    long maxMicros = Math.min(5_000, 50L * attempt);
    LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(ThreadLocalRandom.current().nextLong(1, maxMicros)));
  }

  @Override
  public WriteResult<V> put(K key, V value, EntryExpiry expiry, Want want) {
    if (!expiry.isFixed()) {
      return compute(key, StoreOps.put(value, expiry, WriteHook.none()));
    }
    return putCommand(key, keys.encode(key), encode(value), expiry, want).await("PUT");
  }

  private Call<WriteResult<V>> putCommand(K key, byte[] k, byte[] v, EntryExpiry expiry, Want want) {
    long creation = expiry.onCreation();
    long update = expiry.onUpdate();
    boolean uniform = creation != 0
        && (creation == update || (creation == EntryExpiry.ETERNAL && update == EntryExpiry.KEEP));
    if (uniform && want == Want.NOTHING) {
      return call(commands.set(k, v, setArgs(creation, update)), ok -> WriteResult.written());
    }
    if (uniform && want == Want.PREVIOUS) {
      return call(commands.setGet(k, v, setArgs(creation, update)), old -> old == null
          ? WriteResult.<V>created() : WriteResult.of(Outcome.UPDATED, previous(key, old)));
    }
    byte[] mode = Ttl.ascii(want == Want.NOTHING ? 0 : want == Want.OUTCOME ? 1 : 2);
    return call(redis.<List<Object>>script(Script.PUT, ScriptOutputType.MULTI, k, v, Ttl.arg(creation),
        Ttl.arg(update), mode), reply -> putResult(key, reply));
  }

  private WriteResult<V> putResult(K key, List<Object> reply) {
    long code = (Long) reply.get(0);
    if (code == 1) {
      return WriteResult.created();
    }
    if (code == 3) {
      return WriteResult.discarded();
    }
    byte[] old = reply.size() > 1 ? (byte[]) reply.get(1) : null;
    return WriteResult.of(Outcome.UPDATED, old == null ? null : previous(key, old));
  }

  private static SetArgs setArgs(long creation, long update) {
    if (creation == EntryExpiry.ETERNAL) {
      return update == EntryExpiry.KEEP ? SetArgs.Builder.keepttl() : new SetArgs();
    }
    return SetArgs.Builder.px(creation);
  }

  @Override
  public WriteResult<V> putIfAbsent(K key, V value, EntryExpiry expiry) {
    if (!expiry.isFixed()) {
      return compute(key, StoreOps.putIfAbsent(value, expiry, WriteHook.none()));
    }
    byte[] k = keys.encode(key);
    long creation = expiry.onCreation();
    if (creation == 0) {
      return containsKey(key) ? WriteResult.of(Outcome.PRESENT, null) : WriteResult.discarded();
    }
    SetArgs args = creation == EntryExpiry.ETERNAL ? SetArgs.Builder.nx() : SetArgs.Builder.nx().px(creation);
    String reply = redis.await(commands.set(k, encode(value), args), "SET NX");
    return reply == null ? WriteResult.of(Outcome.PRESENT, null) : WriteResult.created();
  }

  @Override
  public WriteResult<V> replace(K key, V value, EntryExpiry expiry, Want want) {
    if (!expiry.isFixed()) {
      return compute(key, StoreOps.replace(value, expiry, WriteHook.none()));
    }
    byte[] k = keys.encode(key);
    long update = expiry.onUpdate();
    if (update == 0) {
      WriteResult<V> removed = remove(key, want);
      return removed.outcome() == Outcome.REMOVED
          ? WriteResult.of(Outcome.UPDATED, removed.previous()) : WriteResult.absent();
    }
    SetArgs args = SetArgs.Builder.xx();
    if (update == EntryExpiry.KEEP) {
      args.keepttl();
    } else if (update != EntryExpiry.ETERNAL) {
      args.px(update);
    }
    byte[] v = encode(value);
    if (want == Want.PREVIOUS) {
      byte[] old = redis.await(commands.setGet(k, v, args), "SET XX GET");
      return old == null ? WriteResult.absent() : WriteResult.of(Outcome.UPDATED, previous(key, old));
    }
    String reply = redis.await(commands.set(k, v, args), "SET XX");
    return reply == null ? WriteResult.absent() : WriteResult.of(Outcome.UPDATED, null);
  }

  @Override
  public WriteResult<V> replace(K key, V expected, V value, EntryExpiry expiry) {
    if (!expiry.isFixed()) {
      return compute(key, StoreOps.replace(expected, value, expiry, WriteHook.none()));
    }
    byte[] k = keys.encode(key);
    List<Object> reply = redis.await(redis.<List<Object>>script(Script.REPLACE_IF_EQUAL, ScriptOutputType.MULTI, k,
        encode(expected), encode(value), Ttl.arg(expiry.onUpdate())), "replace");
    return conditional(key, k, reply, expected, expiry, Outcome.UPDATED,
        () -> compute(key, StoreOps.replace(expected, value, expiry, WriteHook.none())));
  }

  @Override
  public WriteResult<V> remove(K key, Want want) {
    byte[] k = keys.encode(key);
    if (want == Want.PREVIOUS) {
      byte[] old = redis.await(commands.getdel(k), "GETDEL");
      return old == null ? WriteResult.absent() : WriteResult.of(Outcome.REMOVED, previous(key, old));
    }
    boolean removed = redis.await(commands.del(new byte[][] {k}), "DEL") > 0;
    return removed ? WriteResult.of(Outcome.REMOVED, null) : WriteResult.absent();
  }

  @Override
  public WriteResult<V> remove(K key, V expected, EntryExpiry expiry) {
    if (!expiry.isFixed()) {
      return compute(key, StoreOps.remove(expected, expiry, WriteHook.none()));
    }
    byte[] k = keys.encode(key);
    List<Object> reply = redis.await(redis.<List<Object>>script(Script.REMOVE_IF_EQUAL, ScriptOutputType.MULTI, k,
        encode(expected)), "remove");
    return conditional(key, k, reply, expected, expiry, Outcome.REMOVED,
        () -> compute(key, StoreOps.remove(expected, expiry, WriteHook.none())));
  }

  /**
   * The result of a compare-and-set script. The script compares bytes; when they differ the values
   * may still be equal (a set's iteration order, shared references), so the values are compared
   * here, and equal values take the compare-and-set path; a real mismatch applies the access lifetime.
   */
  private WriteResult<V> conditional(K key, byte[] k, List<Object> reply, V expected, EntryExpiry expiry,
                                     Outcome done, java.util.function.Supplier<WriteResult<V>> byValue) {
    long code = (Long) reply.get(0);
    if (code == 2) {
      return WriteResult.of(done, null);
    }
    if (code == 0) {
      return WriteResult.absent();
    }
    byte[] current = (byte[]) reply.get(1);
    V stored = decode(key, current);
    if (java.util.Objects.equals(stored, expected)) {
      return byValue.get();
    }
    long access = expiry.onAccess();
    if (access != EntryExpiry.KEEP) {
      redis.await(commit(k, current, "touch", EMPTY, access), "the access expiry");
    }
    return WriteResult.of(Outcome.MISMATCH, stored);
  }

  // ---- bulk writes

  @Override
  public Map<K, WriteResult<V>> putAll(Map<? extends K, ? extends V> entries, EntryExpiry expiry, Want want) {
    if (!expiry.isFixed()) {
      return RemoteSource.super.putAll(entries, expiry, want);
    }
    Map<K, WriteResult<V>> results = new LinkedHashMap<>();
    Map<K, Call<WriteResult<V>>> pending = new LinkedHashMap<>();
    for (Map.Entry<? extends K, ? extends V> entry : entries.entrySet()) {
      K key = entry.getKey();
      pending.put(key, putCommand(key, keys.encode(key), encode(entry.getValue()), expiry, want));
      if (pending.size() == BATCH) {
        awaitAll(pending, results, "PUT");
      }
    }
    awaitAll(pending, results, "PUT");
    return results;
  }

  @Override
  public Map<K, WriteResult<V>> removeAll(Collection<? extends K> toRemove, Want want) {
    Map<K, WriteResult<V>> results = new LinkedHashMap<>();
    Map<K, Call<WriteResult<V>>> pending = new LinkedHashMap<>();
    for (K key : toRemove) {
      if (results.containsKey(key) || pending.containsKey(key)) {
        continue;
      }
      byte[] k = keys.encode(key);
      pending.put(key, want == Want.PREVIOUS
          ? call(commands.getdel(k), old -> old == null
              ? WriteResult.<V>absent() : WriteResult.of(Outcome.REMOVED, previous(key, old)))
          : call(commands.unlink(new byte[][] {k}), count -> count > 0
              ? WriteResult.<V>of(Outcome.REMOVED, null) : WriteResult.<V>absent()));
      if (pending.size() == BATCH) {
        awaitAll(pending, results, "UNLINK");
      }
    }
    awaitAll(pending, results, "UNLINK");
    return results;
  }

  private <R> void awaitAll(Map<K, Call<R>> pending, Map<K, R> results, String what) {
    pending.forEach((key, call) -> results.put(key, call.await(what)));
    pending.clear();
  }

  // ---- iteration and namespace-wide operations

  @Override
  public Iterator<Map.Entry<K, V>> iterator() {
    return new ScanIterator<>(this, keys.matchAll(), true);
  }

  @Override
  public Iterator<K> keys(String glob) {
    Iterator<Map.Entry<K, V>> entries = new ScanIterator<>(this, keys.match(glob), false);
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
    return -1;
  }

  @Override
  public void tag(K key, Collection<String> tags, long lifetime) {
    byte[] member = keys.encode(key);
    byte[] ttl = Ttl.ascii(lifetime == EntryExpiry.ETERNAL || lifetime <= 0 ? -1 : lifetime);
    List<CompletionStage<Long>> pending = new ArrayList<>(tags.size());
    for (String tag : tags) {
      pending.add(redis.script(Script.TAG_ADD, ScriptOutputType.INTEGER, keys.tagKey(tag), member, ttl));
    }
    pending.forEach(future -> redis.await(future, "tag"));
  }

  @Override
  public Collection<K> taggedKeys(String tag) {
    List<K> tagged = new ArrayList<>();
    byte[] tagKey = keys.tagKey(tag);
    ScanCursor cursor = ScanCursor.INITIAL;
    do {
      ScoredValueScanCursor<byte[]> page = redis.await(commands.zscan(tagKey, cursor, ScanArgs.Builder.limit(BATCH)),
          "ZSCAN");
      for (ScoredValue<byte[]> member : page.getValues()) {
        K key = decodeKey(member.getValue());
        if (key != null) {
          tagged.add(key);
        }
      }
      cursor = page;
    } while (!cursor.isFinished());
    return tagged;
  }

  @Override
  public void untag(String tag, Collection<? extends K> untagged) {
    byte[] tagKey = keys.tagKey(tag);
    List<CompletionStage<Long>> pending = new ArrayList<>();
    List<byte[]> batch = new ArrayList<>();
    for (K key : untagged) {
      batch.add(keys.encode(key));
      if (batch.size() == BATCH) {
        pending.add(commands.zrem(tagKey, batch.toArray(new byte[0][])));
        batch.clear();
      }
    }
    if (!batch.isEmpty()) {
      pending.add(commands.zrem(tagKey, batch.toArray(new byte[0][])));
    }
    pending.forEach(future -> redis.await(future, "ZREM"));
  }

  @Override
  public StoreMetrics metrics() {
    return new StoreMetrics(decodeFailures.sum(), 0, bytesWritten.sum(), values.serializedBytes(), bytesRead.sum(),
        compressedWrites.sum(), casRetries.sum(), 0, 0, 0, 0);
  }

  @Override
  public void close() {
    // the connection belongs to the cache manager; the data stays in Redis for other JVMs
  }

  // ---- codec glue, used by the iterator too

  RedisConnection redis() {
    return redis;
  }

  KeyCodec<K> keyCodec() {
    return keys;
  }

  private StoreEntry<V> entry(K key, byte[] raw) {
    V value = decode(key, raw);
    return value == null ? null : new StoreEntry<>(value, StoreEntry.UNKNOWN);
  }

  /** The value of stored bytes, or {@code null} when they are corrupt and the policy says miss. */
  @SuppressWarnings("unchecked")
  V decode(Object key, byte[] raw) {
    try {
      Object value = values.decode(raw);
      if (!valueType.isInstance(value)) {
        throw new CodecException("it holds a " + value.getClass().getName() + ", not a " + valueType.getName());
      }
      bytesRead.add(raw.length);
      return (V) value;
    } catch (CodecException e) {
      decodeFailures.increment();
      String message = "Cannot read the value of key '" + keys.shown(key) + "' of cache '" + cacheName + "' from "
          + redis.maskedUri() + ": " + e.getMessage();
      if (corruptValues == CorruptValuePolicy.MISS) {
        LOG.warn("{} (treated as a miss)", message);
        return null;
      }
      throw new CodecException(message, e);
    }
  }

  /** A replaced or removed value: the write happened, so a value that cannot be read only loses itself. */
  private V previous(K key, byte[] raw) {
    try {
      return decode(key, raw);
    } catch (CodecException e) {
      LOG.warn("{} (the entry was replaced or removed anyway)", e.getMessage());
      return null;
    }
  }

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

  private byte[] encode(V value) {
    try {
      byte[] bytes = values.encode(value);
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
}
