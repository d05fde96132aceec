package org.stratacache.jcache.store;

/**
 * How long an entry lives after it is created, updated or read, as a {@link Lifetime}.
 *
 * <p>The semantics layer adapts a JSR-107 {@code ExpiryPolicy} to this interface; stores call it
 * lazily, only on the branch an operation actually takes, because policies may count their calls.
 * Implementations must be thread-safe.
 */
public interface EntryExpiry {

  /** An expiry where entries never expire and updates and reads keep the current expiry. */
  EntryExpiry ETERNAL_KEEP = new EntryExpiry() {
    @Override
    public Lifetime onCreation() {
      return Lifetime.ETERNAL;
    }

    @Override
    public Lifetime onUpdate() {
      return Lifetime.KEEP;
    }

    @Override
    public Lifetime onAccess() {
      return Lifetime.KEEP;
    }

    @Override
    public boolean isFixed() {
      return true;
    }
  };

  /**
   * Lifetime of a new entry: {@link Lifetime#EXPIRE_NOW} means it is never stored; {@link Lifetime#KEEP}
   * means eternal (there is no expiry to keep).
   */
  Lifetime onCreation();

  /** Lifetime after an update; {@link Lifetime#EXPIRE_NOW} removes the entry. */
  Lifetime onUpdate();

  /** Lifetime after a read; {@link Lifetime#EXPIRE_NOW} removes the entry after it was read. */
  Lifetime onAccess();

  /**
   * Whether the three answers never change and cost nothing, so that a store may read them up
   * front (a remote store then sends them with the command in one round trip).
   */
  boolean isFixed();

  /** Whether reads leave the expiry as it is, known without asking (a fixed expiry whose access lifetime is keep). */
  default boolean readsKeepLifetime() {
    return isFixed() && onAccess().isKeep();
  }
}
