package org.stratacache.jcache.store;

/**
 * What a {@link Remapping} decided to do with an entry, and the result to hand back.
 *
 * <p>Durations are in milliseconds as in {@link EntryExpiry}: {@link EntryExpiry#KEEP} keeps the
 * current expiry (an absent entry then lives forever), {@code 0} removes the entry.
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
  private final long duration;
  private final R result;

  private Decision(Action action, V value, long duration, R result) {
    this.action = action;
    this.value = value;
    this.duration = duration;
    this.result = result;
  }

  /** Change nothing. */
  public static <V, R> Decision<V, R> none(R result) {
    return new Decision<>(Action.NONE, null, EntryExpiry.KEEP, result);
  }

  /** Give the existing entry a new lifetime ({@link EntryExpiry#KEEP} changes nothing). */
  public static <V, R> Decision<V, R> touch(long duration, R result) {
    return new Decision<>(duration == EntryExpiry.KEEP ? Action.NONE : Action.TOUCH, null, duration, result);
  }

  /** Store {@code value} for {@code duration}. */
  public static <V, R> Decision<V, R> put(V value, long duration, R result) {
    return new Decision<>(Action.PUT, value, duration, result);
  }

  /** Remove the entry. */
  public static <V, R> Decision<V, R> remove(R result) {
    return new Decision<>(Action.REMOVE, null, EntryExpiry.KEEP, result);
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
  public long duration() {
    return duration;
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
        if (current == null || duration == 0) {
          return null;
        }
        return current.withExpiresAt(EntryExpiry.deadline(now, duration));
      case PUT:
        if (duration == 0) {
          return null;
        }
        if (duration == EntryExpiry.KEEP) {
          return new StoreEntry<>(value, current == null ? StoreEntry.NEVER : current.expiresAt());
        }
        return new StoreEntry<>(value, EntryExpiry.deadline(now, duration));
      default:
        throw new IllegalStateException("unknown action " + action);
    }
  }
}
