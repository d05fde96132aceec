package org.stratacache.jcache.internal.store.resilience;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stratacache.jcache.configuration.ResiliencePolicy;
import org.stratacache.jcache.internal.store.ForwardingStore;
import org.stratacache.jcache.store.EntryExpiry;
import org.stratacache.jcache.store.Store;
import org.stratacache.jcache.store.StoreAccessException;
import org.stratacache.jcache.store.StoreMetrics;
import org.stratacache.jcache.store.Want;
import org.stratacache.jcache.store.WriteResult;

/**
 * A remote store behind a circuit breaker. While the remote store answers, every operation goes to
 * it. When it fails (a {@link StoreAccessException}: unreachable, timed out), the circuit opens and
 * the {@link ResiliencePolicy} decides: {@code FAIL} fails fast, {@code MISS} misses reads and drops
 * writes, {@code LOCAL_FALLBACK} serves from a bounded local store. Every {@value #RETRY_MILLIS} ms
 * one caller tries the remote store again (a background thread while it was never connected); the
 * first success closes the circuit and a local fallback is discarded, since Redis holds the truth.
 * Both transitions are logged once.
 *
 * <p>No acknowledged write is undone: every key written or removed while degraded is remembered
 * ({@link OutageWrites}, bounded; past the bound the whole namespace) and deleted from the remote
 * store before the circuit closes, so a read never returns the value a write replaced during the
 * outage; no degraded write runs while that happens. A removal while degraded answers "removed",
 * since whatever Redis held for the key is deleted before it serves again.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class ResilientStore<K, V> extends ForwardingStore<K, V> {

  static final long RETRY_MILLIS = 250;
  private static final Object RETRY = new Object();
  private static final Logger LOG = LoggerFactory.getLogger(ResilientStore.class);

  private final String description;
  private final Supplier<Store<K, V>> connect;
  private final ResiliencePolicy policy;
  private final Store<K, V> degraded;
  private final Executor background;
  private final AtomicBoolean probing = new AtomicBoolean();
  private final LongAdder failures = new LongAdder();
  private final LongAdder fallbackOperations = new LongAdder();
  private volatile Store<K, V> remote;
  private volatile boolean down;
  private volatile long retryAt;
  private volatile Instant downSince;
  private volatile StoreAccessException lastFailure;
  private final OutageWrites<K> outageWrites = new OutageWrites<>();
  private final ReentrantReadWriteLock recovery = new ReentrantReadWriteLock();

  /**
   * A store that connects now, or, unless the policy is {@code FAIL}, later.
   *
   * @param description names the remote store and the cache in log lines and messages
   * @param connect     creates the remote store; throws {@link StoreAccessException} when unreachable
   * @param fallback    the local store for {@code LOCAL_FALLBACK}, else ignored
   * @param background  runs connection attempts that must not block callers
   * @throws StoreAccessException when the policy is {@code FAIL} and the remote store is unreachable
   */
  public ResilientStore(String description, Supplier<Store<K, V>> connect, ResiliencePolicy policy,
                        Supplier<Store<K, V>> fallback, Executor background) {
    this.description = description;
    this.connect = connect;
    this.policy = policy;
    this.background = background;
    this.degraded = switch (policy) {
      case MISS -> new DroppingStore<>();
      case LOCAL_FALLBACK -> fallback.get();
      default -> null;
    };
    try {
      this.remote = connect.get();
    } catch (StoreAccessException e) {
      if (policy == ResiliencePolicy.FAIL) {
        throw e;
      }
      markDown(e);
    }
  }

  /** Whether the circuit is open (the remote store is considered unreachable). */
  public boolean isDown() {
    return down;
  }

  /** The remote store, or {@code null} while it was never reached; operations go through {@link #call}. */
  @Override
  protected Store<K, V> delegate() {
    return remote;
  }

  @Override
  protected <T> T forward(Function<Store<K, V>, T> operation) {
    return call(null, operation, operation);
  }

  @Override
  protected <T> T write(Collection<? extends K> keys, Function<Store<K, V>, T> operation) {
    return call(writes -> writes.touched(keys), operation, operation);
  }

  /**
   * Runs {@code operation} on the remote store while it answers, else {@code degradedOperation} on
   * the degraded store, after remembering the keys it {@code touches} (null for a read).
   */
  private <T> T call(Consumer<OutageWrites<K>> touches, Function<Store<K, V>, T> operation,
                     Function<Store<K, V>, T> degradedOperation) {
    while (true) {
      Store<K, V> target = remote;
      if (!down && target != null) {
        try {
          return operation.apply(target);
        } catch (StoreAccessException e) {
          markDown(e);
          if (policy == ResiliencePolicy.FAIL) {
            throw e;
          }
        }
      } else if (System.nanoTime() - retryAt >= 0 && probing.compareAndSet(false, true)) {
        if (target == null || !outageWrites.isEmpty()) {
          // deleting what was written meanwhile may take a round trip per batch: not on a caller's time
          inBackground(target == null ? this::reconnect : () -> recoverInBackground(target));
        } else {
          try {
            return probe(target, operation);
          } catch (StoreAccessException e) {
            markDown(e);
          } finally {
            probing.set(false);
          }
        }
      }
      T result = degraded(touches, degradedOperation);
      if (result != RETRY) {
        return result;
      }
    }
  }

  /** Tries the remote store again with the operation itself, when nothing was written while it was away. */
  private <T> T probe(Store<K, V> target, Function<Store<K, V>, T> operation) {
    T result = operation.apply(target);
    recover(target);
    return result;
  }

  private void inBackground(Runnable task) {
    try {
      CompletableFuture.runAsync(task, background);
    } catch (RejectedExecutionException e) {
      probing.set(false);  // the next caller due to retry tries again
    }
  }

  private void recoverInBackground(Store<K, V> target) {
    try {
      recover(target);
    } catch (StoreAccessException e) {
      markDown(e);
    } finally {
      probing.set(false);
    }
  }

  /** Deletes the keys written while degraded from the remote store, then closes the circuit; blocks degraded writes. */
  private void recover(Store<K, V> target) {
    // most keys go while writes go on; the last few, and a clear, while degraded writes wait
    for (int round = 0; round < 3 && !outageWrites.isEmpty(); round++) {
      outageWrites.deleteKeysFrom(target);
    }
    recovery.writeLock().lock();
    try {
      outageWrites.deleteFrom(target);
      markUp();
    } finally {
      recovery.writeLock().unlock();
    }
  }

  private void reconnect() {
    try {
      Store<K, V> connected = connect.get();
      remote = connected;
      recover(connected);
    } catch (StoreAccessException e) {
      markDown(e);
    } finally {
      probing.set(false);
    }
  }

  /** The degraded answer, or {@link #RETRY} when the remote store came back meanwhile. */
  @SuppressWarnings("unchecked")
  private <T> T degraded(Consumer<OutageWrites<K>> touches, Function<Store<K, V>, T> operation) {
    if (policy == ResiliencePolicy.FAIL) {
      throw new StoreAccessException(description + " is unavailable since " + downSince
          + "; failing fast until it answers again (retried every " + RETRY_MILLIS + " ms)", lastFailure);
    }
    recovery.readLock().lock();
    try {
      if (!down) {
        return (T) RETRY;  // a write acknowledged now would miss the recovery's deletions
      }
      if (touches != null) {
        touches.accept(outageWrites);
      }
      if (policy == ResiliencePolicy.LOCAL_FALLBACK) {
        fallbackOperations.increment();
      }
      return operation.apply(degraded);
    } finally {
      recovery.readLock().unlock();
    }
  }

  private synchronized void markDown(StoreAccessException failure) {
    failures.increment();
    lastFailure = failure;
    retryAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RETRY_MILLIS);
    if (!down) {
      down = true;
      downSince = Instant.now();
      LOG.warn("{} is unavailable ({}); {} until it answers again", description, failure.getMessage(),
          switch (policy) {
            case MISS -> "reads miss, writes are dropped and their keys deleted from it on recovery";
            case LOCAL_FALLBACK -> "a local in-memory store serves, and keys written meanwhile are deleted from it on "
                + "recovery";
            default -> "operations fail fast";
          });
    }
  }

  private synchronized void markUp() {
    if (down) {
      down = false;
      if (degraded != null && policy == ResiliencePolicy.LOCAL_FALLBACK) {
        degraded.clear();
      }
      LOG.info("{} is available again after {}", description,
          Duration.between(downSince, Instant.now()));
    }
  }

  /** While degraded, a removal answers "removed": whatever Redis held for the key is deleted before it serves again. */
  private static <V> WriteResult<V> removedAnyway(WriteResult<V> result) {
    return result.outcome() == WriteResult.Outcome.ABSENT ? WriteResult.of(WriteResult.Outcome.REMOVED, null)
        : result;
  }

  @Override
  public WriteResult<V> remove(K key, Want want) {
    return call(writes -> writes.touched(key), store -> store.remove(key, want),
        store -> removedAnyway(store.remove(key, want)));
  }

  @Override
  public WriteResult<V> remove(K key, V expected, EntryExpiry expiry) {
    return call(writes -> writes.touched(key), store -> store.remove(key, expected, expiry),
        store -> removedAnyway(store.remove(key, expected, expiry)));
  }

  @Override
  public Map<K, WriteResult<V>> removeAll(Collection<? extends K> keys, Want want) {
    return call(writes -> writes.touched(keys), store -> store.removeAll(keys, want), store -> {
      Map<K, WriteResult<V>> results = new LinkedHashMap<>(store.removeAll(keys, want));
      results.replaceAll((key, result) -> removedAnyway(result));
      return results;
    });
  }

  @Override
  public void clear() {
    Function<Store<K, V>, Object> clear = store -> {
      store.clear();
      return null;
    };
    call(OutageWrites::cleared, clear, clear);
  }

  @Override
  public StoreMetrics metrics() {
    Store<K, V> target = remote;
    StoreMetrics base = target == null ? StoreMetrics.NONE : target.metrics();
    long dropped = degraded instanceof DroppingStore<K, V> dropping ? dropping.dropped() : 0;
    return base.plus(failures.sum(), dropped, fallbackOperations.sum());
  }

  @Override
  public void close() {
    Store<K, V> target = remote;
    if (target != null) {
      target.close();
    }
    if (degraded != null) {
      degraded.close();
    }
  }

  @Override
  public void destroy() {
    Store<K, V> target = remote;
    if (target != null) {
      target.destroy();
    }
    if (degraded != null) {
      degraded.destroy();
    }
  }
}
