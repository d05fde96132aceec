package org.stratacache.jcache.configuration;

import java.io.Serializable;

/**
 * The near cache kept in memory in front of a Redis store ({@code near-cache.maximum-size}).
 *
 * @param maximumSize the bound as configured, or {@code null} when unset
 */
public record NearCacheSettings(Long maximumSize) implements Serializable {

  /** Nothing set: no near cache. */
  public static NearCacheSettings defaults() {
    return new NearCacheSettings(null);
  }

  /** The most entries kept in memory in front of Redis; {@code 0} for no near cache. */
  public long getMaximumSize() {
    return maximumSize == null ? (Long) Setting.NEAR_CACHE_MAXIMUM_SIZE.typedDefault() : maximumSize;
  }
}
