package org.stratacache.jcache.configuration;

/** Where a cache keeps its entries. */
public enum StoreType {
  /** Redis when a Redis URI is configured for the cache or the manager (or in {@code REDIS_URL}), else memory. */
  AUTO,
  /** In this JVM's memory, whatever else is configured. */
  MEMORY,
  /** In Redis; a Redis URI must then be configured. */
  REDIS
}
