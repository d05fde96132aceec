package org.stratacache.jcache.store;

import java.util.Objects;

/**
 * A value as a store holds it, with the instant it expires.
 *
 * @param value     the stored value, never {@code null}
 * @param expiresAt epoch milliseconds on the store's ticker at which the entry stops being visible;
 *                  {@link #NEVER} for an eternal entry, {@link #UNKNOWN} when the store did not read it
 * @param <V>       the value type
 */
public record StoreEntry<V>(V value, long expiresAt) {

  /** The expiry instant of an entry that never expires. */
  public static final long NEVER = Long.MAX_VALUE;

  /** The expiry instant of an entry read by a store that did not read its lifetime (a remote read). */
  public static final long UNKNOWN = Long.MIN_VALUE;

  /** Validates the components. */
  public StoreEntry {
    Objects.requireNonNull(value, "value");
  }

  /** Whether the entry is no longer visible at {@code now} ({@code false} when the instant is unknown). */
  public boolean isExpiredAt(long now) {
    return expiresAt != UNKNOWN && expiresAt <= now;
  }

  /** A copy of this entry expiring at another instant. */
  public StoreEntry<V> withExpiresAt(long instant) {
    return new StoreEntry<>(value, instant);
  }
}
