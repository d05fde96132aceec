package org.stratacache.jcache.configuration;

import java.io.Serializable;

/**
 * The in-memory store's bound ({@code maximum-size}).
 *
 * @param maximumSize the bound as configured, or {@code null} when unset
 */
public record MemorySettings(Long maximumSize) implements Serializable {

  /** Nothing set: no bound. */
  public static MemorySettings defaults() {
    return new MemorySettings(null);
  }

  /** The most entries the in-memory store keeps before evicting; {@code 0} means no bound. */
  public long getMaximumSize() {
    return maximumSize == null ? (Long) Setting.MAXIMUM_SIZE.typedDefault() : maximumSize;
  }
}
