package org.stratacache.spring.boot;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.cache.CacheMeterBinder;
import java.util.function.ToDoubleFunction;
import javax.cache.management.CacheStatisticsMXBean;
import org.stratacache.jcache.StrataCache;
import org.stratacache.jcache.store.StoreMetrics;

/**
 * Boot's cache meters ({@code cache.gets}, {@code cache.puts}, {@code cache.evictions},
 * {@code cache.removals}, {@code cache.size} where the store knows it) for one Strata cache, read
 * from its statistics directly rather than over JMX, plus Strata's own figures under their own
 * names ({@code cache.store.*}, {@code cache.near.gets}, latencies) with the same tag keys as
 * Boot's meters: one binder per cache, so each hit counts once.
 */
final class StrataCacheMeterBinder extends CacheMeterBinder<StrataCache<?, ?>> {

  private final Tags tags;

  StrataCacheMeterBinder(StrataCache<?, ?> cache, Iterable<Tag> tags) {
    super(cache, cache.getName(), tags);
    this.tags = Tags.of(tags).and("cache", cache.getName());
  }

  private CacheStatisticsMXBean statistics() {
    StrataCache<?, ?> cache = getCache();
    return cache == null ? null : cache.statistics();
  }

  @Override
  protected Long size() {
    StrataCache<?, ?> cache = getCache();
    if (cache == null || cache.isClosed()) {
      return null;
    }
    long size = cache.estimatedSize();
    return size < 0 ? null : size;
  }

  @Override
  protected long hitCount() {
    CacheStatisticsMXBean statistics = statistics();
    return statistics == null ? 0 : statistics.getCacheHits();
  }

  @Override
  protected Long missCount() {
    CacheStatisticsMXBean statistics = statistics();
    return statistics == null ? 0L : statistics.getCacheMisses();
  }

  @Override
  protected Long evictionCount() {
    CacheStatisticsMXBean statistics = statistics();
    return statistics == null ? 0L : statistics.getCacheEvictions();
  }

  @Override
  protected long putCount() {
    CacheStatisticsMXBean statistics = statistics();
    return statistics == null ? 0 : statistics.getCachePuts();
  }

  @Override
  protected void bindImplementationSpecificMetrics(MeterRegistry registry) {
    StrataCache<?, ?> cache = getCache();
    if (cache == null) {
      return;
    }
    // a gauge, as Boot registers JCache removals by default, so one name never has two meter types
    Gauge.builder("cache.removals", cache, c -> c.statistics().getCacheRemovals()).tags(tags)
        .description("Cache removals").register(registry);
    gauge(registry, "cache.get.latency", "microseconds", cache, c -> c.statistics().getAverageGetTime());
    gauge(registry, "cache.put.latency", "microseconds", cache, c -> c.statistics().getAveragePutTime());
    gauge(registry, "cache.remove.latency", "microseconds", cache, c -> c.statistics().getAverageRemoveTime());
    counter(registry, "cache.store.errors", Tags.of("kind", "access"), cache, StoreMetrics::accessFailures);
    counter(registry, "cache.store.errors", Tags.of("kind", "decode"), cache, StoreMetrics::decodeFailures);
    counter(registry, "cache.store.bytes", Tags.of("direction", "written"), cache, StoreMetrics::bytesWritten);
    counter(registry, "cache.store.bytes", Tags.of("direction", "read"), cache, StoreMetrics::bytesRead);
    gauge(registry, "cache.store.compression.ratio", null, cache, c -> c.storeMetrics().compressionRatio());
    gauge(registry, "cache.store.memory", "bytes", cache, c -> c.storeMetrics().estimatedBytes() < 0 ? Double.NaN
        : c.storeMetrics().estimatedBytes());
    counter(registry, "cache.store.cas.retries", Tags.empty(), cache, StoreMetrics::casRetries);
    counter(registry, "cache.store.writes.dropped", Tags.empty(), cache, StoreMetrics::droppedWrites);
    counter(registry, "cache.store.fallback.operations", Tags.empty(), cache, StoreMetrics::fallbackOperations);
    counter(registry, "cache.near.gets", Tags.of("result", "hit"), cache, StoreMetrics::nearHits);
    counter(registry, "cache.near.gets", Tags.of("result", "miss"), cache, StoreMetrics::nearMisses);
  }

  private void counter(MeterRegistry registry, String name, Tags extra, StrataCache<?, ?> cache,
                       ToDoubleFunction<StoreMetrics> value) {
    FunctionCounter.builder(name, cache, c -> value.applyAsDouble(c.storeMetrics())).tags(tags.and(extra))
        .register(registry);
  }

  private void gauge(MeterRegistry registry, String name, String unit, StrataCache<?, ?> cache,
                     ToDoubleFunction<StrataCache<?, ?>> value) {
    Gauge.builder(name, cache, value).tags(tags).baseUnit(unit).register(registry);
  }
}
