package org.stratacache.jcache.configuration;

import java.io.Serializable;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Objects;

/**
 * The bounds every read of stored bytes stays within, and every write is checked against so that
 * what is stored can be read back. Stored bytes are untrusted input (anyone with write access to
 * Redis can plant them): each bound is checked before the memory it guards is allocated, and a
 * value over a bound is refused with a {@code CodecException} naming the bound's setting.
 *
 * <p>Immutable; {@link #with(Limit, long)} returns a new instance. Part of the
 * {@link SerializationSettings}.
 */
public final class DecodeLimits implements Serializable {

  /** One bound: its setting key, default and range, declared once. */
  public enum Limit {
    /** Stored bytes of one value, as Redis holds them (after compression and encryption). */
    VALUE_SIZE("limits.value-size", 16L << 20, 64, 512L << 20,
        "a whole number of bytes from 64 to 536870912 (512 MiB, Redis's own bound)"),
    /** Bytes of one value once decompressed: the Kryo bytes read. */
    DECODED_SIZE("limits.decoded-size", 64L << 20, 64, Integer.MAX_VALUE - 64,
        "a whole number of bytes from 64 to 2147483583"),
    /** Elements of one collection, array or map, or characters of one string. */
    LENGTH("limits.length", 1L << 24, 1, Integer.MAX_VALUE - 8, "a whole number from 1 to 2147483639"),
    /** Objects nested in one another (a list in a list in a list is 3 deep, with its innermost element 4). */
    DEPTH("limits.depth", 512, 2, 100_000, "a whole number from 2 to 100000 (deep values need large stacks)"),
    /**
     * Hash codes computed while rebuilding hash-based sets and maps, counting every object each
     * hash code visits: bounds the hash-code bomb (nested sets sharing their elements, whose hash
     * code takes exponential time).
     */
    HASH_WORK("limits.hash-work", 20_000_000L, 1_000, Long.MAX_VALUE, "a whole number from 1000");

    private final String key;
    private final long defaultValue;
    private final long min;
    private final long max;
    private final String accepts;

    Limit(String key, long defaultValue, long min, long max, String accepts) {
      this.key = key;
      this.defaultValue = defaultValue;
      this.min = min;
      this.max = max;
      this.accepts = accepts;
    }

    /** The setting's key in a configuration file; the property is {@code strata.} and the key. */
    public String key() {
      return key;
    }

    /** The value when nothing sets it. */
    public long defaultValue() {
      return defaultValue;
    }

    /** The smallest value allowed. */
    public long min() {
      return min;
    }

    /** The largest value allowed. */
    public long max() {
      return max;
    }

    /** What the setting accepts, for messages and the reference table. */
    public String accepts() {
      return accepts;
    }
  }

  private static final long serialVersionUID = 1L;

  /** Only the bounds set explicitly; the others take their default. */
  private final EnumMap<Limit, Long> configured;
  private final long[] values = new long[Limit.values().length];

  private DecodeLimits(EnumMap<Limit, Long> configured) {
    this.configured = configured;
    for (Limit limit : Limit.values()) {
      values[limit.ordinal()] = configured.getOrDefault(limit, limit.defaultValue);
    }
  }

  /** Every bound at its default. */
  public static DecodeLimits defaults() {
    return new DecodeLimits(new EnumMap<>(Limit.class));
  }

  /**
   * These limits with {@code limit} set to {@code value}.
   *
   * @throws IllegalArgumentException when the value is outside the limit's range
   */
  public DecodeLimits with(Limit limit, long value) {
    Objects.requireNonNull(limit, "limit");
    if (value < limit.min || value > limit.max) {
      throw new IllegalArgumentException(limit.key + " is " + value + "; it takes " + limit.accepts);
    }
    EnumMap<Limit, Long> next = new EnumMap<>(Limit.class);
    next.putAll(configured);
    next.put(limit, value);
    return new DecodeLimits(next);
  }

  /** These limits with every bound {@code other} sets explicitly taken from {@code other}. */
  public DecodeLimits merge(DecodeLimits other) {
    if (other.configured.isEmpty()) {
      return this;
    }
    EnumMap<Limit, Long> next = new EnumMap<>(Limit.class);
    next.putAll(configured);
    next.putAll(other.configured);
    return new DecodeLimits(next);
  }

  /** The value of {@code limit}. */
  public long get(Limit limit) {
    return values[limit.ordinal()];
  }

  /** The value set explicitly, or {@code null} when {@code limit} is left at its default. */
  public Long configured(Limit limit) {
    return configured.get(limit);
  }

  /** The most stored bytes of one value. */
  public int valueSize() {
    return (int) get(Limit.VALUE_SIZE);
  }

  /** The most bytes of one value once decompressed. */
  public int decodedSize() {
    return (int) get(Limit.DECODED_SIZE);
  }

  /** The most elements of a collection, array or map, or characters of a string. */
  public int length() {
    return (int) get(Limit.LENGTH);
  }

  /** The deepest nesting of objects. */
  public int depth() {
    return (int) get(Limit.DEPTH);
  }

  /** The most hash-code work while rebuilding hash-based collections. */
  public long hashWork() {
    return get(Limit.HASH_WORK);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DecodeLimits that && configured.equals(that.configured);
  }

  @Override
  public int hashCode() {
    return configured.hashCode();
  }

  @Override
  public String toString() {
    return "DecodeLimits" + Arrays.stream(Limit.values()).map(limit -> limit.key + "=" + get(limit)).toList();
  }
}
