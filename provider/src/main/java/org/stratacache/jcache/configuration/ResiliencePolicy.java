package org.stratacache.jcache.configuration;

/** What a Redis cache does while Redis cannot be reached (at start or later). */
public enum ResiliencePolicy {
  /** Every operation fails with a {@code CacheException} within the Redis timeout (the default). */
  FAIL,
  /** Reads miss and writes are dropped (and counted) until Redis is back. */
  MISS,
  /** A bounded in-memory store serves reads and writes until Redis is back; it is then discarded. */
  LOCAL_FALLBACK
}
