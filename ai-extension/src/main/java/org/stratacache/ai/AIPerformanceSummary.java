package org.stratacache.ai;

import java.time.Duration;
import java.util.Map;

/**
 * The AI cache's figures at one moment.
 *
 * @param hits                   lookups answered from the cache
 * @param misses                 lookups the cache could not answer
 * @param hitRatio               hits over lookups (0 when there were none)
 * @param coalescedCalls         concurrent identical requests that waited for one model call instead
 *                               of making their own (single flight), or that missed and then found
 *                               its answer once it had finished
 * @param byOperation            the figures per operation
 * @param byTextTier             hits and misses per text size tier
 * @param keyGenerationMeanMicros mean time to build a key, in microseconds
 * @param keyGenerationP99Micros  99th percentile of that time, in microseconds
 * @param tokensSaved            tokens of the answers served from the cache (as the callers reported them)
 * @param estimatedCostSaved     {@code tokensSaved} at the configured price per thousand tokens
 * @param modelTimeSaved         model latency of the answers served from the cache
 * @param cacheErrors            failures of the cache's store that the AI cache answered around by
 *                               calling the model (fail-open): Redis unreachable or too slow, stored
 *                               answers that could not be read
 */
public record AIPerformanceSummary(long hits, long misses, double hitRatio, long coalescedCalls,
                                   Map<String, OperationFigures> byOperation, Map<TextTier, TierFigures> byTextTier,
                                   double keyGenerationMeanMicros, double keyGenerationP99Micros, long tokensSaved,
                                   double estimatedCostSaved, Duration modelTimeSaved, long cacheErrors) {

  /**
   * The figures of one operation.
   *
   * @param hits        lookups answered from the cache
   * @param misses      lookups not answered
   * @param invalidated entries removed by {@code invalidateByOperation}
   * @param tokensSaved tokens of the answers served from the cache
   */
  public record OperationFigures(long hits, long misses, long invalidated, long tokensSaved) {

    /** Hits over lookups. */
    public double hitRatio() {
      return ratio(hits, misses);
    }
  }

  /**
   * The figures of one text size tier.
   *
   * @param hits   lookups answered from the cache
   * @param misses lookups not answered
   */
  public record TierFigures(long hits, long misses) {

    /** Hits over lookups. */
    public double hitRatio() {
      return ratio(hits, misses);
    }
  }

  static double ratio(long hits, long misses) {
    long total = hits + misses;
    return total == 0 ? 0 : (double) hits / total;
  }
}
