package org.stratacache.jcache.store;

import java.util.Objects;

/**
 * What a {@link Remapping} decided to do with an entry, and the result to hand back.
 *
 * <p>Lifetimes are as in {@link EntryExpiry}: {@link Lifetime#KEEP} keeps the current expiry (an
 * absent entry then lives forever), {@link Lifetime#EXPIRE_NOW} removes the entry.
 *
 * @param <V> the value type
 * @param <R> the result type
 */
public final class Decision<V, R> {

  /** The change to apply. */
  public enum Action {
    /** Leave the entry as it is. */
    NONE,
    /** Keep the value, set a new lifetime. */
    TOUCH,
    /** Store a value with a lifetime. */
    PUT,
    /** Remove the entry. */
    REMOVE
  }

  private final Action action;
  private final V value;
  private final Lifetime lifetime;
  private final R result;

  private Decision(Action action, V value, Lifetime lifetime, R result) {
    this.action = action;
    this.value = value;
    this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
    this.result = result;
  }

  /** Change nothing. */
  public static <V, R> Decision<V, R> none(R result) {
    return new Decision<>(Action.NONE, null, Lifetime.KEEP, result);
  }

  /** Give the existing entry a new lifetime ({@link Lifetime#KEEP} changes nothing). */
  public static <V, R> Decision<V, R> touch(Lifetime lifetime, R result) {
    return new Decision<>(lifetime.isKeep() ? Action.NONE : Action.TOUCH, null, lifetime, result);
  }

  /** Store {@code value} for {@code lifetime}. */
  public static <V, R> Decision<V, R> put(V value, Lifetime lifetime, R result) {
    return new Decision<>(Action.PUT, value, lifetime, result);
  }

  /** Remove the entry. */
  public static <V, R> Decision<V, R> remove(R result) {
    return new Decision<>(Action.REMOVE, null, Lifetime.KEEP, result);
  }

  /** The change to apply. */
  public Action action() {
    return action;
  }

  /** The value to store for {@link Action#PUT}. */
  public V value() {
    return value;
  }

  /** The lifetime for {@link Action#PUT} and {@link Action#TOUCH}. */
  public Lifetime lifetime() {
    return lifetime;
  }

  /** What the operation returns to its caller. */
  public R result() {
    return result;
  }

  /**
   * The entry that results from applying this decision to {@code current} at {@code now}, or
   * {@code null} when no entry remains.
   */
  public StoreEntry<V> applyTo(StoreEntry<V> current, long now) {
    switch (action) {
      case NONE:
        return current;
      case REMOVE:
        return null;
      case TOUCH:
        if (current == null || lifetime.isExpireNow()) {
          return null;
        }
        return current.withExpiresAt(lifetime.deadline(now));
      case PUT:
        if (lifetime.isExpireNow()) {
          return null;
        }
        if (lifetime.isKeep()) {
          return new StoreEntry<>(value, current == null ? StoreEntry.NEVER : current.expiresAt());
        }
        return new StoreEntry<>(value, lifetime.deadline(now));
      default:
        throw new IllegalStateException("unknown action " + action);
    }
  }
}
