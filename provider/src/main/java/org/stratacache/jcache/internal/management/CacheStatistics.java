package org.stratacache.jcache.internal.management;

import java.util.concurrent.atomic.LongAdder;
import javax.cache.management.CacheStatisticsMXBean;

/**
 * The JSR-107 statistics of one cache. Counters are {@link LongAdder}s updated by the operation
 * itself before it returns, so they are exact when read after it. Nothing is recorded while
 * statistics are disabled. Times are averaged over the operations of their kind, in microseconds.
 */
public final class CacheStatistics implements CacheStatisticsMXBean {

  private volatile boolean enabled;

  private static final float NANOS_PER_MICRO = 1000f;

  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();
  private final LongAdder puts = new LongAdder();
  private final LongAdder removals = new LongAdder();
  private final LongAdder evictions = new LongAdder();
  private final LongAdder getNanos = new LongAdder();
  private final LongAdder putNanos = new LongAdder();
  private final LongAdder removeNanos = new LongAdder();

  @Override
  public void clear() {
    hits.reset();
    misses.reset();
    puts.reset();
    removals.reset();
    evictions.reset();
    getNanos.reset();
    putNanos.reset();
    removeNanos.reset();
  }

  /** Starts or stops recording; counters keep their values. */
  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /** Whether operations are being recorded. */
  public boolean isEnabled() {
    return enabled;
  }

  /** The start of a timed operation, or {@code 0} when not recording. */
  public long start() {
    return enabled ? System.nanoTime() : 0L;
  }

  /** Counts one lookup: a hit when {@code hit}, else a miss. */
  public void lookup(boolean hit) {
    if (enabled) {
      (hit ? hits : misses).increment();
    }
  }

  /** Counts one lookup and the time of the read started at {@code start}. */
  public void lookup(boolean hit, long start) {
    lookup(hit);
    recordGetTime(start);
  }

  /** Counts the lookups of a bulk read: {@code found} hits among {@code requested} keys. */
  public void lookups(long found, long requested) {
    if (enabled) {
      hits.add(found);
      misses.add(requested - found);
    }
  }

  /** Counts {@code count} puts and the time since {@code start}. */
  public void recordPuts(long count, long start) {
    if (enabled && count > 0) {
      puts.add(count);
      putNanos.add(elapsed(start));
    }
  }

  /** Counts {@code count} removals and the time since {@code start}. */
  public void recordRemovals(long count, long start) {
    if (enabled && count > 0) {
      removals.add(count);
      removeNanos.add(elapsed(start));
    }
  }

  /** Counts {@code count} evictions. */
  public void recordEvictions(long count) {
    if (enabled) {
      evictions.add(count);
    }
  }

  /** Adds the time of a read started at {@code start}. */
  public void recordGetTime(long start) {
    if (enabled) {
      getNanos.add(elapsed(start));
    }
  }

  private static long elapsed(long start) {
    return start == 0L ? 0L : Math.max(1L, System.nanoTime() - start);
  }

  @Override
  public long getCacheHits() {
    return hits.sum();
  }

  @Override
  public float getCacheHitPercentage() {
    return percentage(getCacheHits(), getCacheGets());
  }

  @Override
  public long getCacheMisses() {
    return misses.sum();
  }

  @Override
  public float getCacheMissPercentage() {
    return percentage(getCacheMisses(), getCacheGets());
  }

  @Override
  public long getCacheGets() {
    return getCacheHits() + getCacheMisses();
  }

  @Override
  public long getCachePuts() {
    return puts.sum();
  }

  @Override
  public long getCacheRemovals() {
    return removals.sum();
  }

  @Override
  public long getCacheEvictions() {
    return evictions.sum();
  }

  @Override
  public float getAverageGetTime() {
    return average(getNanos.sum(), getCacheGets());
  }

  @Override
  public float getAveragePutTime() {
    return average(putNanos.sum(), getCachePuts());
  }

  @Override
  public float getAverageRemoveTime() {
    return average(removeNanos.sum(), getCacheRemovals());
  }

  private static float percentage(long part, long whole) {
    return whole == 0 ? 0f : part * 100f / whole;
  }

  private static float average(long nanos, long count) {
    return count == 0 ? 0f : nanos / (float) count / NANOS_PER_MICRO;
  }
}
