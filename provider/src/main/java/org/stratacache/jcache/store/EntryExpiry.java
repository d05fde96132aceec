package org.stratacache.jcache.store;

/**
 * How long an entry lives after it is created, updated or read, in milliseconds.
 *
 * <p>The semantics layer adapts a JSR-107 {@code ExpiryPolicy} to this interface; stores call it
 * lazily, only on the branch an operation actually takes, because policies may count their calls.
 * Implementations must be thread-safe.
 */
public interface EntryExpiry {

  /** Leave the current expiry unchanged (allowed for update and access, not for creation). */
  long KEEP = -1L;

  /** The entry never expires. */
  long ETERNAL = Long.MAX_VALUE;

  /** An expiry where entries never expire and updates and reads keep the current expiry. */
  EntryExpiry ETERNAL_KEEP = new EntryExpiry() {
    @Override
    public long onCreation() {
      return ETERNAL;
    }

    @Override
    public long onUpdate() {
      return KEEP;
    }

    @Override
    public long onAccess() {
      return KEEP;
    }

    @Override
    public boolean isFixed() {
      return true;
    }
  };

  /** Lifetime of a new entry: {@code 0} means it is never stored, {@link #ETERNAL} forever. */
  long onCreation();

  /** Lifetime after an update, or {@link #KEEP}; {@code 0} removes the entry. */
  long onUpdate();

  /** Lifetime after a read, or {@link #KEEP}; {@code 0} removes the entry after it was read. */
  long onAccess();

  /**
   * Whether the three answers never change and cost nothing, so that a store may read them up
   * front (a remote store then sends them with the command in one round trip).
   */
  boolean isFixed();

  /**
   * The instant an entry written at {@code now} with {@code duration} expires.
   *
   * @param now      epoch milliseconds
   * @param duration a positive duration in milliseconds or {@link #ETERNAL}
   * @return the expiry instant, saturated at {@link StoreEntry#NEVER}
   */
  static long deadline(long now, long duration) {
    if (duration == ETERNAL) {
      return StoreEntry.NEVER;
    }
    long sum = now + duration;
    return sum < now ? StoreEntry.NEVER : sum;
  }
}
