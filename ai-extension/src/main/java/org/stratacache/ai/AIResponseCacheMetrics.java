package org.stratacache.ai;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import javax.cache.Cache;
import org.stratacache.jcache.metrics.StrataCacheMetrics;

/**
 * The AI cache's figures as Micrometer meters, next to the cache's own ({@link StrataCacheMetrics}):
 * {@code ai.cache.lookups} (tags operation, result hit/miss) for every configured operation and every
 * operation seen so far, {@code ai.cache.tier.lookups} (tags tier, result), {@code ai.cache.invalidated}
 * (tag operation), {@code ai.cache.calls.coalesced}, {@code ai.cache.tokens.saved},
 * {@code ai.cache.cost.saved}, {@code ai.cache.model.time.saved} (ms), {@code ai.cache.errors} (store
 * failures answered by the model) and
 * {@code ai.cache.key.generation} (mean and p99, microseconds). Needs {@code micrometer-core}.
 */
public final class AIResponseCacheMetrics implements MeterBinder {

  private final AIResponseCache ai;
  private final Tags tags;

  /** Meters for {@code ai}, the AI view of the cache named {@code cacheName}. */
  public AIResponseCacheMetrics(AIResponseCache ai, String cacheName, Tags extraTags) {
    this.ai = ai;
    this.tags = Tags.of("cache", cacheName).and(extraTags);
  }

  /** Binds the cache's own meters and its AI meters to {@code registry}. */
  public static <C extends Cache<String, AIResponse>> C monitor(MeterRegistry registry, C cache, String... extraTags) {
    StrataCacheMetrics.monitor(registry, cache, extraTags);
    new AIResponseCacheMetrics(cache.unwrap(AIResponseCache.class), cache.getName(), Tags.of(extraTags))
        .bindTo(registry);
    return cache;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Set<String> operations = new TreeSet<>(ai.settings().operationTtls().keySet());
    operations.addAll(ai.getAiPerformanceSummary().byOperation().keySet());
    for (String operation : operations) {
      counter(registry, "ai.cache.lookups", Tags.of("operation", operation, "result", "hit"),
          s -> figures(s, operation).hits());
      counter(registry, "ai.cache.lookups", Tags.of("operation", operation, "result", "miss"),
          s -> figures(s, operation).misses());
      counter(registry, "ai.cache.invalidated", Tags.of("operation", operation),
          s -> figures(s, operation).invalidated());
    }
    for (TextTier tier : TextTier.values()) {
      String name = tier.name().toLowerCase(Locale.ROOT);
      counter(registry, "ai.cache.tier.lookups", Tags.of("tier", name, "result", "hit"),
          s -> s.byTextTier().get(tier).hits());
      counter(registry, "ai.cache.tier.lookups", Tags.of("tier", name, "result", "miss"),
          s -> s.byTextTier().get(tier).misses());
    }
    counter(registry, "ai.cache.calls.coalesced", Tags.empty(), AIPerformanceSummary::coalescedCalls);
    counter(registry, "ai.cache.tokens.saved", Tags.empty(), AIPerformanceSummary::tokensSaved);
    counter(registry, "ai.cache.cost.saved", Tags.empty(), AIPerformanceSummary::estimatedCostSaved);
    counter(registry, "ai.cache.model.time.saved", Tags.empty(), s -> s.modelTimeSaved().toMillis());
    counter(registry, "ai.cache.errors", Tags.empty(), AIPerformanceSummary::cacheErrors);
    gauge(registry, "ai.cache.key.generation", Tags.of("statistic", "mean"),
        AIPerformanceSummary::keyGenerationMeanMicros);
    gauge(registry, "ai.cache.key.generation", Tags.of("statistic", "p99"),
        AIPerformanceSummary::keyGenerationP99Micros);
  }

  private static AIPerformanceSummary.OperationFigures figures(AIPerformanceSummary summary, String operation) {
    AIPerformanceSummary.OperationFigures figures = summary.byOperation().get(operation);
    return figures == null ? new AIPerformanceSummary.OperationFigures(0, 0, 0, 0) : figures;
  }

  private void counter(MeterRegistry registry, String name, Tags more,
                       ToDoubleFunction<AIPerformanceSummary> value) {
    FunctionCounter.builder(name, ai, cache -> value.applyAsDouble(cache.getAiPerformanceSummary()))
        .tags(tags.and(more)).register(registry);
  }

  private void gauge(MeterRegistry registry, String name, Tags more, ToDoubleFunction<AIPerformanceSummary> value) {
    Gauge.builder(name, ai, cache -> value.applyAsDouble(cache.getAiPerformanceSummary()))
        .tags(tags.and(more)).baseUnit("microseconds").register(registry);
  }
}
