package org.stratacache.jcache.store;

/**
 * How long an entry lives from the moment a lifetime is applied: {@link #KEEP} its current expiry,
 * {@link #ETERNAL}, {@link #EXPIRE_NOW} (remove it, or do not store it), or a positive number of
 * milliseconds. Immutable; compare the constants by identity or with {@link #isKeep()} and its kin.
 * A store turns a lifetime into numbers only where it speaks to its backend (for example the
 * arguments of a Redis command or script).
 */
public final class Lifetime {

  /** Leave the current expiry unchanged (an entry that has none lives forever). */
  public static final Lifetime KEEP = new Lifetime(-1L);

  /** Never expire. */
  public static final Lifetime ETERNAL = new Lifetime(Long.MAX_VALUE);

  /** Expire at once: a created entry is not stored, an existing one is removed. */
  public static final Lifetime EXPIRE_NOW = new Lifetime(0L);

  private final long millis;

  private Lifetime(long millis) {
    this.millis = millis;
  }

  /**
   * A lifetime of {@code millis} milliseconds: {@link #EXPIRE_NOW} for {@code 0}, {@link #ETERNAL}
   * for {@link Long#MAX_VALUE}.
   *
   * @throws IllegalArgumentException when {@code millis} is negative
   */
  public static Lifetime ofMillis(long millis) {
    if (millis < 0) {
      throw new IllegalArgumentException("a lifetime cannot be negative: " + millis + " ms");
    }
    if (millis == 0) {
      return EXPIRE_NOW;
    }
    return millis == Long.MAX_VALUE ? ETERNAL : new Lifetime(millis);
  }

  /** Whether the current expiry stays as it is. */
  public boolean isKeep() {
    return this == KEEP;
  }

  /** Whether the entry never expires. */
  public boolean isEternal() {
    return this == ETERNAL;
  }

  /** Whether the entry expires at once. */
  public boolean isExpireNow() {
    return this == EXPIRE_NOW;
  }

  /** Whether this is a positive, finite number of milliseconds ({@link #millis()} answers). */
  public boolean isFinite() {
    return millis > 0 && millis != Long.MAX_VALUE;
  }

  /**
   * The duration in milliseconds.
   *
   * @throws IllegalStateException unless {@link #isFinite()}
   */
  public long millis() {
    if (!isFinite()) {
      throw new IllegalStateException("no duration in milliseconds: " + this);
    }
    return millis;
  }

  /** This lifetime, or {@code other} when this one is {@link #KEEP}. */
  public Lifetime orIfKeep(Lifetime other) {
    return this == KEEP ? other : this;
  }

  /** The longer of this lifetime and {@code other}, neither of them {@link #KEEP}. */
  public Lifetime max(Lifetime other) {
    requireNotKeep();
    other.requireNotKeep();
    return other.millis > millis ? other : this;
  }

  /**
   * The instant an entry expires when this lifetime is applied at {@code now}.
   *
   * @param now epoch milliseconds
   * @return the expiry instant, {@link StoreEntry#NEVER} for {@link #ETERNAL}, saturated below it
   * @throws IllegalStateException for {@link #KEEP}, which has no instant of its own
   */
  public long deadline(long now) {
    requireNotKeep();
    if (this == ETERNAL) {
      return StoreEntry.NEVER;
    }
    long sum = now + millis;
    return sum < now ? StoreEntry.NEVER : sum;
  }

  private void requireNotKeep() {
    if (this == KEEP) {
      throw new IllegalStateException("KEEP has no length of its own");
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Lifetime lifetime && lifetime.millis == millis;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(millis);
  }

  @Override
  public String toString() {
    if (this == KEEP) {
      return "KEEP";
    }
    if (this == ETERNAL) {
      return "ETERNAL";
    }
    return this == EXPIRE_NOW ? "EXPIRE_NOW" : millis + " ms";
  }
}
