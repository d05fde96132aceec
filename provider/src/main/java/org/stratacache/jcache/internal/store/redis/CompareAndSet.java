package org.stratacache.jcache.internal.store.redis;

import io.lettuce.core.ScriptOutputType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.stratacache.jcache.store.Decision;
import org.stratacache.jcache.store.EntryExpiry;
import org.stratacache.jcache.store.Lifetime;
import org.stratacache.jcache.store.Remapping;
import org.stratacache.jcache.store.StoreAccessException;
import org.stratacache.jcache.store.StoreEntry;
import org.stratacache.jcache.store.WriteResult;
import org.stratacache.jcache.store.WriteResult.Outcome;

/**
 * Read, decide in Java, commit with a script that applies the change only if the stored bytes are
 * still those read, else read again. Within this JVM, computes of keys that share one of
 * {@value #STRIPES} lock stripes take turns, so a remapping's side effects (a write-through writer,
 * a processor) repeat only when another JVM wrote the key in between. Gives up after four command
 * timeouts.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class CompareAndSet<K, V> {

  private static final byte[] EMPTY = new byte[0];
  private static final byte[] ONE = {'1'};
  private static final byte[] ZERO = {'0'};
  private static final byte[] PUT = "put".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] TOUCH = "touch".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] REMOVE = "remove".getBytes(StandardCharsets.US_ASCII);
  private static final int STRIPES = 256;

  private final RedisConnection redis;
  private final StoredValues<K, V> values;
  private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];
  private final long budgetNanos;
  private final LongAdder retries = new LongAdder();

  CompareAndSet(RedisConnection redis, StoredValues<K, V> values) {
    this.redis = redis;
    this.values = values;
    this.budgetNanos = redis.timeout().multipliedBy(4).toNanos();
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new ReentrantLock();
    }
  }

  /** Retries so far: commits that found the bytes changed since they were read. */
  long retries() {
    return retries.sum();
  }

  /** Applies {@code remapping} to the entry of {@code key}, whose Redis key is {@code k}. */
  <R> R compute(K key, byte[] k, Remapping<V, R> remapping) {
    ReentrantLock stripe = stripes[(Arrays.hashCode(k) & 0x7fffffff) % STRIPES];
    try {
      if (!stripe.tryLock(budgetNanos, TimeUnit.NANOSECONDS)) {
        throw new StoreAccessException("Timed out waiting for other updates of key '" + values.keys().shown(key)
            + "' in cache '" + values.cacheName() + "'");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreAccessException("Interrupted updating key '" + values.keys().shown(key) + "' of "
          + values.cacheName(), e);
    }
    try {
      return loop(key, k, remapping);
    } finally {
      stripe.unlock();
    }
  }

  private <R> R loop(K key, byte[] k, Remapping<V, R> remapping) {
    long deadline = System.nanoTime() + budgetNanos;
    for (int attempt = 1; ; attempt++) {
      byte[] raw = redis.await(redis.commands().get(k), "GET");
      StoreEntry<V> current = raw == null ? null : values.entry(key, raw);
      Decision<V, R> decision = remapping.remap(current);
      if (decision.action() == Decision.Action.NONE) {
        return decision.result();
      }
      byte[] action;
      byte[] value = EMPTY;
      Lifetime lifetime = decision.lifetime();
      switch (decision.action()) {
        case PUT:
          action = PUT;
          value = values.encode(decision.value());
          break;
        case TOUCH:
          action = TOUCH;
          break;
        default:
          action = REMOVE;
          lifetime = Lifetime.EXPIRE_NOW;
          break;
      }
      if (redis.await(commit(k, raw, action, value, lifetime), "compare-and-set") == 1L) {
        if (decision.action() == Decision.Action.PUT) {
          values.written(decision.value(), value);
        }
        if (decision.action() != Decision.Action.TOUCH && current != null) {
          values.written(current.value(), raw);
        }
        return decision.result();
      }
      retries.increment();
      if (System.nanoTime() - deadline > 0 || Thread.currentThread().isInterrupted()) {
        throw new StoreAccessException("Gave up on key '" + values.keys().shown(key) + "' in cache '"
            + values.cacheName() + "' after " + attempt + " attempts: other writers kept changing it");
      }
      backOff(attempt);
    }
  }

  /**
   * The result of a compare-and-set script. The script compares bytes; when they differ the values
   * may still be equal (a set's iteration order, shared references), so the values are compared
   * here, and equal values take the compare-and-set path; a real mismatch applies the access lifetime.
   */
  WriteResult<V> conditional(K key, byte[] k, List<Object> reply, V expected, EntryExpiry expiry,
                          Outcome done, Supplier<WriteResult<V>> byValue) {
    long code = (Long) reply.get(0);
    if (code == 2) {
      return WriteResult.of(done, null);
    }
    if (code == 0) {
      return WriteResult.absent();
    }
    byte[] current = (byte[]) reply.get(1);
    V stored = values.decode(key, current);
    if (Objects.equals(stored, expected)) {
      return byValue.get();
    }
    Lifetime access = expiry.onAccess();
    if (!access.isKeep()) {
      redis.await(touch(k, current, access), "the access expiry");
    }
    return WriteResult.of(Outcome.MISMATCH, stored);
  }

  /** Sets the lifetime of the entry of {@code k} to {@code lifetime} if it still holds {@code expected}. */
  CompletionStage<Long> touch(byte[] k, byte[] expected, Lifetime lifetime) {
    return commit(k, expected, TOUCH, EMPTY, lifetime);
  }

  /** Removes the entry of {@code k} if it still holds {@code expected}. */
  CompletionStage<Long> removeIfUnchanged(byte[] k, byte[] expected) {
    return commit(k, expected, REMOVE, EMPTY, Lifetime.EXPIRE_NOW);
  }

  private CompletionStage<Long> commit(byte[] k, byte[] expected, byte[] action, byte[] value, Lifetime lifetime) {
    return redis.script(Script.APPLY_IF_UNCHANGED, ScriptOutputType.INTEGER, k, expected == null ? ZERO : ONE,
        expected == null ? EMPTY : expected, action, value, Ttl.arg(lifetime));
  }

  private static void backOff(int attempt) {
    if (attempt < 4) {
      Thread.onSpinWait();
      return;
    }
    long maxMicros = Math.min(5_000, 50L * attempt);
    LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(ThreadLocalRandom.current().nextLong(1, maxMicros)));
  }
}
