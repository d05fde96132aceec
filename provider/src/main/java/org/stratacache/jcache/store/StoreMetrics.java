package org.stratacache.jcache.store;

/**
 * What a store counts about itself, beyond the JSR-107 statistics.
 *
 * @param decodeFailures stored bytes that could not be read as a value (foreign, corrupt, not allowed)
 * @param accessFailures operations that failed to reach the store (timeouts, lost connections)
 * @param bytesWritten   encoded bytes sent to the store (after compression)
 * @param bytesSerialized serialized bytes of the values written, before compression
 * @param bytesRead      encoded bytes read from the store
 * @param compressedWrites values stored compressed
 * @param casRetries     compare-and-set attempts repeated because another writer got in first
 * @param droppedWrites  writes dropped while the store was unreachable ({@code MISS} resilience)
 * @param fallbackOperations operations served by the local fallback store while the store was unreachable
 * @param nearHits       reads served by the near cache (L1); hits of the remote store (L2) are the
 *                       cache's hits minus these
 * @param nearMisses     reads the near cache could have served but passed to the remote store
 * @param estimatedBytes an estimate of the memory the cache's entries take in the store (Redis: sampled
 *                       {@code MEMORY USAGE} scaled to the entry count, measured at most every 5 s);
 *                       {@code -1} when the store cannot tell
 */
public record StoreMetrics(long decodeFailures, long accessFailures, long bytesWritten, long bytesSerialized,
                           long bytesRead, long compressedWrites, long casRetries, long droppedWrites,
                           long fallbackOperations, long nearHits, long nearMisses, long estimatedBytes) {

  /** Nothing counted: stores that keep objects in memory. */
  public static final StoreMetrics NONE = new StoreMetrics(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1);

  /** Stored bytes over serialized bytes of the values written (1 when nothing was compressed or written). */
  public double compressionRatio() {
    return bytesSerialized == 0 ? 1.0 : (double) bytesWritten / bytesSerialized;
  }

  /** These metrics plus the failures and degraded operations a resilience layer counted. */
  public StoreMetrics plus(long moreAccessFailures, long moreDroppedWrites, long moreFallbackOperations) {
    return new StoreMetrics(decodeFailures, accessFailures + moreAccessFailures, bytesWritten, bytesSerialized,
        bytesRead, compressedWrites, casRetries, droppedWrites + moreDroppedWrites,
        fallbackOperations + moreFallbackOperations, nearHits, nearMisses, estimatedBytes);
  }

  /** These metrics with the near cache's counts. */
  public StoreMetrics withNear(long hits, long misses) {
    return new StoreMetrics(decodeFailures, accessFailures, bytesWritten, bytesSerialized, bytesRead,
        compressedWrites, casRetries, droppedWrites, fallbackOperations, hits, misses, estimatedBytes);
  }

  /** These metrics with an estimate of the bytes the store holds. */
  public StoreMetrics withEstimatedBytes(long bytes) {
    return new StoreMetrics(decodeFailures, accessFailures, bytesWritten, bytesSerialized, bytesRead,
        compressedWrites, casRetries, droppedWrites, fallbackOperations, nearHits, nearMisses, bytes);
  }
}
