package org.stratacache.jcache.internal.management;

import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.stratacache.jcache.management.StoreStatisticsMXBean;
import org.stratacache.jcache.store.StoreMetrics;

/** The store figures of one cache, read when JMX asks. */
public final class StoreStatistics implements StoreStatisticsMXBean {

  private final LongSupplier size;
  private final Supplier<StoreMetrics> metrics;

  /** Figures read from {@code size} and {@code metrics} at each request. */
  public StoreStatistics(LongSupplier size, Supplier<StoreMetrics> metrics) {
    this.size = size;
    this.metrics = metrics;
  }

  @Override
  public long getEstimatedSize() {
    return size.getAsLong();
  }

  @Override
  public long getEstimatedBytes() {
    return metrics.get().estimatedBytes();
  }

  @Override
  public long getDecodeFailures() {
    return metrics.get().decodeFailures();
  }

  @Override
  public long getAccessFailures() {
    return metrics.get().accessFailures();
  }

  @Override
  public long getBytesWritten() {
    return metrics.get().bytesWritten();
  }

  @Override
  public long getBytesRead() {
    return metrics.get().bytesRead();
  }

  @Override
  public double getCompressionRatio() {
    return metrics.get().compressionRatio();
  }

  @Override
  public long getDroppedWrites() {
    return metrics.get().droppedWrites();
  }

  @Override
  public long getFallbackOperations() {
    return metrics.get().fallbackOperations();
  }

  @Override
  public long getNearHits() {
    return metrics.get().nearHits();
  }

  @Override
  public long getNearMisses() {
    return metrics.get().nearMisses();
  }
}
