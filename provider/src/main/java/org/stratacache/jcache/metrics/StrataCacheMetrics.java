package org.stratacache.jcache.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.management.CacheStatisticsMXBean;
import org.stratacache.jcache.StrataCache;

/**
 * A cache's figures as Micrometer meters, tagged {@code cache} and {@code cache.manager}:
 * {@code cache.gets} (result hit/miss), {@code cache.puts}, {@code cache.removals},
 * {@code cache.evictions}, {@code cache.size}, {@code cache.get.latency}, {@code cache.put.latency}
 * and {@code cache.remove.latency} (mean, microseconds), and from the store {@code cache.store.errors}
 * (kind access/decode), {@code cache.store.bytes} (direction written/read), {@code cache.store.compression.ratio},
 * {@code cache.store.cas.retries}, {@code cache.store.writes.dropped}, {@code cache.store.fallback.operations}
 * and {@code cache.store.memory} (bytes, an estimate; NaN when the store cannot tell).
 * The JSR-107 counts move only while the cache's statistics are enabled.
 *
 * <p>Binding a cache again (for example after it was destroyed and recreated under the same name)
 * first removes the meters of the earlier binding, so a registry never holds two for one cache.
 */
public final class StrataCacheMetrics implements MeterBinder {

  private final Cache<?, ?> cache;
  private final Tags tags;

  /** Meters for {@code cache} with {@code extraTags} added. */
  public StrataCacheMetrics(Cache<?, ?> cache, Iterable<Tag> extraTags) {
    this.cache = cache;
    this.tags = Tags.of("cache", cache.getName(), "cache.manager", cache.getCacheManager().getURI().toString())
        .and(extraTags);
  }

  /** Binds {@code cache} to {@code registry} and returns it. */
  public static <C extends Cache<?, ?>> C monitor(MeterRegistry registry, C cache, String... extraTags) {
    new StrataCacheMetrics(cache, Tags.of(extraTags)).bindTo(registry);
    return cache;
  }

  /** Binds every cache {@code manager} holds now. */
  public static void monitorAll(MeterRegistry registry, CacheManager manager, String... extraTags) {
    for (String name : manager.getCacheNames()) {
      Cache<?, ?> cache = manager.getCache(name);
      if (cache != null) {
        monitor(registry, cache, extraTags);
      }
    }
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    removeEarlierBinding(registry);
    StrataCache<?, ?> strata = cache.unwrap(StrataCache.class);
    CacheStatisticsMXBean stats = strata.statistics();
    counter(registry, "cache.gets", "result", "hit", stats, CacheStatisticsMXBean::getCacheHits);
    counter(registry, "cache.gets", "result", "miss", stats, CacheStatisticsMXBean::getCacheMisses);
    counter(registry, "cache.puts", null, null, stats, CacheStatisticsMXBean::getCachePuts);
    counter(registry, "cache.removals", null, null, stats, CacheStatisticsMXBean::getCacheRemovals);
    counter(registry, "cache.evictions", null, null, stats, CacheStatisticsMXBean::getCacheEvictions);
    gauge(registry, "cache.size", null, strata, c -> c.estimatedSize() < 0 ? Double.NaN : c.estimatedSize());
    gauge(registry, "cache.get.latency", "microseconds", stats, CacheStatisticsMXBean::getAverageGetTime);
    gauge(registry, "cache.put.latency", "microseconds", stats, CacheStatisticsMXBean::getAveragePutTime);
    gauge(registry, "cache.remove.latency", "microseconds", stats, CacheStatisticsMXBean::getAverageRemoveTime);
    counter(registry, "cache.store.errors", "kind", "access", strata, c -> c.storeMetrics().accessFailures());
    counter(registry, "cache.store.errors", "kind", "decode", strata, c -> c.storeMetrics().decodeFailures());
    counter(registry, "cache.store.bytes", "direction", "written", strata, c -> c.storeMetrics().bytesWritten());
    counter(registry, "cache.store.bytes", "direction", "read", strata, c -> c.storeMetrics().bytesRead());
    gauge(registry, "cache.store.compression.ratio", null, strata, c -> c.storeMetrics().compressionRatio());
    gauge(registry, "cache.store.memory", "bytes", strata, c -> c.storeMetrics().estimatedBytes() < 0 ? Double.NaN
        : c.storeMetrics().estimatedBytes());
    counter(registry, "cache.store.cas.retries", null, null, strata, c -> c.storeMetrics().casRetries());
    counter(registry, "cache.store.writes.dropped", null, null, strata, c -> c.storeMetrics().droppedWrites());
    counter(registry, "cache.store.fallback.operations", null, null, strata,
        c -> c.storeMetrics().fallbackOperations());
    counter(registry, "cache.near.gets", "result", "hit", strata, c -> c.storeMetrics().nearHits());
    counter(registry, "cache.near.gets", "result", "miss", strata, c -> c.storeMetrics().nearMisses());
  }

  private <T> void counter(MeterRegistry registry, String name, String tagKey, String tagValue, T source,
                           ToDoubleFunction<T> value) {
    FunctionCounter.builder(name, source, value).tags(tagKey == null ? tags : tags.and(tagKey, tagValue))
        .register(registry);
  }

  private <T> void gauge(MeterRegistry registry, String name, String unit, T source, ToDoubleFunction<T> value) {
    Gauge.builder(name, source, value).tags(tags).baseUnit(unit).register(registry);
  }

  private void removeEarlierBinding(MeterRegistry registry) {
    List<Meter> earlier = new ArrayList<>();
    for (Meter meter : registry.getMeters()) {
      Meter.Id id = meter.getId();
      if (id.getName().startsWith("cache.") && cache.getName().equals(id.getTag("cache"))
          && tags.stream().allMatch(tag -> tag.getValue().equals(id.getTag(tag.getKey())))) {
        earlier.add(meter);
      }
    }
    earlier.forEach(registry::remove);
  }
}
