package org.stratacache.jcache.management;

/**
 * What a cache's store holds and counts, beside the JSR-107 statistics: registered as
 * {@code org.stratacache:type=StoreStatistics,CacheManager=<uri>,Cache=<name>} while the cache's
 * statistics are enabled. The figures are those of {@code StrataCache.estimatedSize()} and
 * {@code StrataCache.storeMetrics()}.
 */
public interface StoreStatisticsMXBean {

  /** Entries the store holds, when it can tell cheaply (Redis: its size index); otherwise -1. */
  long getEstimatedSize();

  /** An estimate of the memory the entries take in the store (Redis: sampled MEMORY USAGE); -1 when unknown. */
  long getEstimatedBytes();

  /** Stored values that could not be read (foreign, corrupt, not allowed). */
  long getDecodeFailures();

  /** Operations that failed to reach the store. */
  long getAccessFailures();

  /** Encoded bytes sent to the store. */
  long getBytesWritten();

  /** Encoded bytes read from the store. */
  long getBytesRead();

  /** Stored bytes over serialized bytes of the values written. */
  double getCompressionRatio();

  /** Writes dropped while the store was unreachable ({@code miss} resilience). */
  long getDroppedWrites();

  /** Operations served by the local fallback store while the store was unreachable. */
  long getFallbackOperations();

  /** Reads served by the near cache. */
  long getNearHits();

  /** Reads the near cache passed to the remote store. */
  long getNearMisses();
}
