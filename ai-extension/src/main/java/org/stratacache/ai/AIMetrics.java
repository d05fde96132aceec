package org.stratacache.ai;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.stratacache.jcache.store.StoreMetrics;

/** The AI cache's counters: per operation, per text tier, key generation times, what hits saved. Thread-safe. */
final class AIMetrics {

  private static final long MAX_KEY_NANOS = 60_000_000_000L;

  private final ConcurrentMap<String, Counters> operations = new ConcurrentHashMap<>();
  private final Map<TextTier, Counters> tiers = new EnumMap<>(TextTier.class);
  /** Recording threads write here; {@link #summary} drains it (reading a histogram being written throws). */
  private final Recorder keyRecorder = new Recorder(MAX_KEY_NANOS, 2);
  /** Every key time recorded so far, read and written only under its own lock. */
  private final Histogram keyNanos = new Histogram(MAX_KEY_NANOS, 2);
  private Histogram interval;
  private final LongAdder coalesced = new LongAdder();
  private final LongAdder modelMillisSaved = new LongAdder();
  private final LongAdder tokensSaved = new LongAdder();
  private final DoubleAdder costSaved = new DoubleAdder();
  private final AISettings settings;

  AIMetrics(AISettings settings) {
    this.settings = settings;
    for (TextTier tier : TextTier.values()) {
      tiers.put(tier, new Counters());
    }
  }

  void keyGenerated(long nanos) {
    keyRecorder.recordValue(Math.min(Math.max(nanos, 0), MAX_KEY_NANOS));
  }

  void lookup(String operation, TextTier tier, AIResponse found) {
    Counters counters = operation(operation);
    if (found == null) {
      counters.misses.increment();
      tiers.get(tier).misses.increment();
      return;
    }
    counters.hits.increment();
    counters.tokensSaved.add(found.totalTokens());
    tiers.get(tier).hits.increment();
    served(found);
  }

  /** An answer served from the cache: its tokens, cost and model time were saved. */
  void served(AIResponse found) {
    tokensSaved.add(found.totalTokens());
    costSaved.add(settings.priceOf(found.model()).cost(found));
    modelMillisSaved.add(found.latencyMillis());
  }

  void coalesced() {
    coalesced.increment();
  }

  void invalidated(String operation, long count) {
    operation(operation).invalidated.add(count);
  }

  private Counters operation(String operation) {
    return operations.computeIfAbsent(operation, ignored -> new Counters());
  }

  /** The figures now; {@code store} is what the cache's store counted about itself. */
  AIPerformanceSummary summary(StoreMetrics store) {
    long hits = 0;
    long misses = 0;
    Map<String, AIPerformanceSummary.OperationFigures> byOperation = new TreeMap<>();
    for (Map.Entry<String, Counters> entry : operations.entrySet()) {
      Counters c = entry.getValue();
      AIPerformanceSummary.OperationFigures figures = new AIPerformanceSummary.OperationFigures(c.hits.sum(),
          c.misses.sum(), c.invalidated.sum(), c.tokensSaved.sum());
      byOperation.put(entry.getKey(), figures);
      hits += figures.hits();
      misses += figures.misses();
    }
    Map<TextTier, AIPerformanceSummary.TierFigures> byTier = new EnumMap<>(TextTier.class);
    tiers.forEach((tier, c) -> byTier.put(tier, new AIPerformanceSummary.TierFigures(c.hits.sum(), c.misses.sum())));
    double meanMicros;
    double p99Micros;
    synchronized (keyNanos) {
      interval = keyRecorder.getIntervalHistogram(interval);
      keyNanos.add(interval);
      boolean timed = keyNanos.getTotalCount() > 0;
      meanMicros = timed ? keyNanos.getMean() / 1000 : 0;
      p99Micros = timed ? keyNanos.getValueAtPercentile(99) / 1000.0 : 0;
    }
    return new AIPerformanceSummary(hits, misses, AIPerformanceSummary.ratio(hits, misses), coalesced.sum(),
        byOperation, byTier, meanMicros, p99Micros, tokensSaved.sum(), costSaved.sum(),
        Duration.ofMillis(modelMillisSaved.sum()), store.accessFailures() + store.decodeFailures());
  }

  /** Counters of one operation or tier. */
  private static final class Counters {
    final LongAdder hits = new LongAdder();
    final LongAdder misses = new LongAdder();
    final LongAdder invalidated = new LongAdder();
    final LongAdder tokensSaved = new LongAdder();
  }
}
