package org.stratacache.jcache.store;

import java.util.Objects;
import org.stratacache.jcache.store.WriteResult.Outcome;

/**
 * The meaning of every single-key write, defined once as a {@link Remapping}.
 *
 * <p>Stores without native atomic commands run these through {@link Store#compute}; stores with
 * them (Redis) must behave the same, which the contract test kit checks.
 */
public final class StoreOps {

  private StoreOps() {
  }

  /** Store {@code value}: create with the creation lifetime or update with the update lifetime. */
  public static <V> Remapping<V, WriteResult<V>> put(V value, EntryExpiry expiry, WriteHook<V> hook) {
    return current -> {
      if (current == null) {
        return create(value, expiry, hook);
      }
      hook.beforeWrite(value);
      return Decision.put(value, expiry.onUpdate(), WriteResult.of(Outcome.UPDATED, current.value()));
    };
  }

  /** Store {@code value} only when the key is absent. */
  public static <V> Remapping<V, WriteResult<V>> putIfAbsent(V value, EntryExpiry expiry, WriteHook<V> hook) {
    return current -> current == null
        ? create(value, expiry, hook)
        : Decision.none(WriteResult.of(Outcome.PRESENT, current.value()));
  }

  /** Store {@code value} only when the key is present. */
  public static <V> Remapping<V, WriteResult<V>> replace(V value, EntryExpiry expiry, WriteHook<V> hook) {
    return current -> {
      if (current == null) {
        return Decision.none(WriteResult.absent());
      }
      hook.beforeWrite(value);
      return Decision.put(value, expiry.onUpdate(), WriteResult.of(Outcome.UPDATED, current.value()));
    };
  }

  /** Store {@code value} only when the current value equals {@code expected}. */
  public static <V> Remapping<V, WriteResult<V>> replace(V expected, V value, EntryExpiry expiry,
                                                        WriteHook<V> hook) {
    return current -> {
      if (current == null) {
        return Decision.none(WriteResult.absent());
      }
      if (!Objects.equals(current.value(), expected)) {
        return Decision.touch(expiry.onAccess(), WriteResult.of(Outcome.MISMATCH, current.value()));
      }
      hook.beforeWrite(value);
      return Decision.put(value, expiry.onUpdate(), WriteResult.of(Outcome.UPDATED, current.value()));
    };
  }

  /** Remove the entry. */
  public static <V> Remapping<V, WriteResult<V>> remove(WriteHook<V> hook) {
    return current -> {
      hook.beforeDelete();
      return current == null
          ? Decision.none(WriteResult.absent())
          : Decision.remove(WriteResult.of(Outcome.REMOVED, current.value()));
    };
  }

  /** Remove the entry only when its value equals {@code expected}. */
  public static <V> Remapping<V, WriteResult<V>> remove(V expected, EntryExpiry expiry, WriteHook<V> hook) {
    return current -> {
      if (current == null) {
        return Decision.none(WriteResult.absent());
      }
      if (!Objects.equals(current.value(), expected)) {
        return Decision.touch(expiry.onAccess(), WriteResult.of(Outcome.MISMATCH, current.value()));
      }
      hook.beforeDelete();
      return Decision.remove(WriteResult.of(Outcome.REMOVED, current.value()));
    };
  }

  /** Read the entry and apply the access lifetime (used by stores without a native read-and-touch). */
  public static <V> Remapping<V, StoreEntry<V>> access(EntryExpiry expiry) {
    return current -> current == null ? Decision.none(null) : Decision.touch(expiry.onAccess(), current);
  }

  private static <V> Decision<V, WriteResult<V>> create(V value, EntryExpiry expiry, WriteHook<V> hook) {
    Lifetime lifetime = expiry.onCreation();
    hook.beforeWrite(value);
    if (lifetime.isExpireNow()) {
      return Decision.none(WriteResult.discarded());
    }
    return Decision.put(value, lifetime.orIfKeep(Lifetime.ETERNAL), WriteResult.created());
  }
}
