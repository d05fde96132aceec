package org.stratacache.jcache.configuration;

/** What a read does when the stored bytes cannot be turned into a value (foreign, corrupt, not allowed). */
public enum CorruptValuePolicy {
  /** Throw a {@code CacheException} naming the key and the cause (the default). */
  FAIL,
  /** Treat the entry as missing; the failure is logged and counted in the store's metrics. */
  MISS
}
