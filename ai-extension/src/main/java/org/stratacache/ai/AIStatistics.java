package org.stratacache.ai;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.cache.Cache;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stratacache.jcache.management.MBeans;

/** {@link AIStatisticsMXBean} over a summary supplier, and its registration. */
final class AIStatistics implements AIStatisticsMXBean {

  private static final Logger LOG = LoggerFactory.getLogger(AIStatistics.class);

  private final Supplier<AIPerformanceSummary> summary;

  AIStatistics(Supplier<AIPerformanceSummary> summary) {
    this.summary = summary;
  }

  static ObjectName objectName(Cache<?, ?> cache) throws JMException {
    return new ObjectName("org.stratacache:type=AIStatistics,CacheManager="
        + MBeans.value(cache.getCacheManager().getURI().toString())
        + ",Cache=" + MBeans.value(cache.getName()));
  }

  /** Registers {@code bean} for {@code cache}; returns the name, or {@code null} when JMX refused. */
  static ObjectName register(Cache<?, ?> cache, AIStatistics bean) {
    try {
      ObjectName name = objectName(cache);
      MBeanServer server = ManagementFactory.getPlatformMBeanServer();
      if (!server.isRegistered(name)) {
        server.registerMBean(bean, name);
      }
      return name;
    } catch (JMException e) {
      LOG.warn("Could not register the AI statistics of cache {} in JMX", cache.getName(), e);
      return null;
    }
  }

  static void unregister(ObjectName name) {
    if (name == null) {
      return;
    }
    try {
      MBeanServer server = ManagementFactory.getPlatformMBeanServer();
      if (server.isRegistered(name)) {
        server.unregisterMBean(name);
      }
    } catch (JMException e) {
      LOG.warn("Could not unregister {}", name, e);
    }
  }

  @Override
  public long getHits() {
    return summary.get().hits();
  }

  @Override
  public long getMisses() {
    return summary.get().misses();
  }

  @Override
  public double getHitRatio() {
    return summary.get().hitRatio();
  }

  @Override
  public long getCoalescedCalls() {
    return summary.get().coalescedCalls();
  }

  @Override
  public long getTokensSaved() {
    return summary.get().tokensSaved();
  }

  @Override
  public double getEstimatedCostSaved() {
    return summary.get().estimatedCostSaved();
  }

  @Override
  public long getModelMillisSaved() {
    return summary.get().modelTimeSaved().toMillis();
  }

  @Override
  public long getCacheErrors() {
    return summary.get().cacheErrors();
  }

  @Override
  public double getKeyGenerationMeanMicros() {
    return summary.get().keyGenerationMeanMicros();
  }

  @Override
  public double getKeyGenerationP99Micros() {
    return summary.get().keyGenerationP99Micros();
  }

  @Override
  public Map<String, Long> getHitsByOperation() {
    return byOperation(AIPerformanceSummary.OperationFigures::hits);
  }

  @Override
  public Map<String, Long> getMissesByOperation() {
    return byOperation(AIPerformanceSummary.OperationFigures::misses);
  }

  @Override
  public Map<String, Long> getInvalidatedByOperation() {
    return byOperation(AIPerformanceSummary.OperationFigures::invalidated);
  }

  @Override
  public Map<String, Long> getHitsByTextTier() {
    return byTier(AIPerformanceSummary.TierFigures::hits);
  }

  @Override
  public Map<String, Long> getMissesByTextTier() {
    return byTier(AIPerformanceSummary.TierFigures::misses);
  }

  private Map<String, Long> byOperation(Function<AIPerformanceSummary.OperationFigures, Long> figure) {
    Map<String, Long> values = new TreeMap<>();
    summary.get().byOperation().forEach((operation, figures) -> values.put(operation, figure.apply(figures)));
    return values;
  }

  private Map<String, Long> byTier(Function<AIPerformanceSummary.TierFigures, Long> figure) {
    Map<String, Long> values = new TreeMap<>();
    summary.get().byTextTier().forEach((tier, figures) -> values.put(tier.name(), figure.apply(figures)));
    return values;
  }
}
