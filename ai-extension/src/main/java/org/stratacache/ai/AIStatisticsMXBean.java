package org.stratacache.ai;

import java.util.Map;

/**
 * The AI cache's figures in JMX, under
 * {@code org.stratacache:type=AIStatistics,CacheManager=<uri>,Cache=<name>}, next to the JSR-107
 * statistics of the same cache.
 */
public interface AIStatisticsMXBean {

  /** Lookups answered from the cache. */
  long getHits();

  /** Lookups not answered. */
  long getMisses();

  /** Hits over lookups. */
  double getHitRatio();

  /** Identical concurrent requests that waited for one model call. */
  long getCoalescedCalls();

  /** Tokens of answers served from the cache. */
  long getTokensSaved();

  /** Those tokens at the configured price. */
  double getEstimatedCostSaved();

  /** Model time saved, in milliseconds. */
  long getModelMillisSaved();

  /** Store failures answered around by calling the model (fail-open). */
  long getCacheErrors();

  /** Mean key generation time, microseconds. */
  double getKeyGenerationMeanMicros();

  /** 99th percentile key generation time, microseconds. */
  double getKeyGenerationP99Micros();

  /** Hits per operation. */
  Map<String, Long> getHitsByOperation();

  /** Misses per operation. */
  Map<String, Long> getMissesByOperation();

  /** Entries invalidated per operation. */
  Map<String, Long> getInvalidatedByOperation();

  /** Hits per text tier. */
  Map<String, Long> getHitsByTextTier();

  /** Misses per text tier. */
  Map<String, Long> getMissesByTextTier();
}
