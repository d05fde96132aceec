package org.stratacache.jcache.store;

/**
 * What a single-key write did.
 *
 * @param outcome  what happened
 * @param previous the value that was updated or removed, when the caller asked for it
 *                 ({@link Want#PREVIOUS}) and there was one; otherwise possibly {@code null}
 * @param <V>      the value type
 */
public record WriteResult<V>(Outcome outcome, V previous) {

  /** What a write did to the entry. */
  public enum Outcome {
    /** A new entry was stored. */
    CREATED,
    /** An existing entry got a new value (it may have been removed if its update lifetime was zero). */
    UPDATED,
    /** The value was stored; whether it was created or updated was not asked for. */
    WRITTEN,
    /** The entry was absent and the new value expired at creation, so nothing was stored. */
    DISCARDED,
    /** A conditional create found an entry and left it alone. */
    PRESENT,
    /** The entry was removed. */
    REMOVED,
    /** A compare-and-set found another value; only the access expiry was applied. */
    MISMATCH,
    /** There was no entry and nothing was written. */
    ABSENT
  }

  private static final WriteResult<?> CREATED = new WriteResult<>(Outcome.CREATED, null);
  private static final WriteResult<?> WRITTEN = new WriteResult<>(Outcome.WRITTEN, null);
  private static final WriteResult<?> DISCARDED = new WriteResult<>(Outcome.DISCARDED, null);
  private static final WriteResult<?> ABSENT = new WriteResult<>(Outcome.ABSENT, null);

  /** Whether a value was written (created, updated or written). */
  public boolean stored() {
    return outcome == Outcome.CREATED || outcome == Outcome.UPDATED || outcome == Outcome.WRITTEN;
  }

  /** The shared result for a created entry. */
  @SuppressWarnings("unchecked")
  public static <V> WriteResult<V> created() {
    return (WriteResult<V>) CREATED;
  }

  /** The shared result for a write whose outcome was not asked for. */
  @SuppressWarnings("unchecked")
  public static <V> WriteResult<V> written() {
    return (WriteResult<V>) WRITTEN;
  }

  /** The shared result for a value that expired at creation. */
  @SuppressWarnings("unchecked")
  public static <V> WriteResult<V> discarded() {
    return (WriteResult<V>) DISCARDED;
  }

  /** The shared result for an absent entry. */
  @SuppressWarnings("unchecked")
  public static <V> WriteResult<V> absent() {
    return (WriteResult<V>) ABSENT;
  }

  /** A result with an outcome and the previous value. */
  public static <V> WriteResult<V> of(Outcome outcome, V previous) {
    return new WriteResult<>(outcome, previous);
  }
}
