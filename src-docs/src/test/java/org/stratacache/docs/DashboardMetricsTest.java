package org.stratacache.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.Test;
import org.stratacache.ai.AICaches;
import org.stratacache.ai.AIResponse;
import org.stratacache.ai.AIResponseCache;
import org.stratacache.ai.AIResponseCacheMetrics;
import org.stratacache.jcache.metrics.StrataCacheMetrics;

/**
 * The Grafana dashboard, the Prometheus alert rules and the operations chapter name only meters
 * that the code registers: real caches are bound to a real Prometheus registry, and every
 * {@code cache_*} or {@code ai_cache_*} name in those files must be in its scrape.
 */
class DashboardMetricsTest {

  static final Path DASHBOARD = Path.of("src/docs/grafana/strata-dashboard.json");
  static final Path ALERTS = Path.of("src/docs/prometheus/strata-alerts.yml");
  static final Path CHAPTER = Path.of("src/docs/asciidoc/chapters/operations.adoc");

  private static final Pattern METRIC = Pattern.compile("\\b(?:ai_)?cache_[a-z_]+\\b");
  private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]", Pattern.MULTILINE);
  /** Label names of the meters, which the files name beside the metrics. */
  private static final Set<String> LABELS = Set.of("cache_manager");

  /** The metric names a Prometheus scrape holds once a cache and an AI cache are bound as the guide shows. */
  static Set<String> registeredNames() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (CacheManager manager = Caching.getCachingProvider().getCacheManager(URI.create("docs:dashboard"),
        DashboardMetricsTest.class.getClassLoader(), new Properties())) {
      Cache<String, String> orders = manager.createCache("orders",
          new MutableConfiguration<String, String>().setStatisticsEnabled(true));
      StrataCacheMetrics.monitor(registry, orders, "app", "shop");
      Cache<String, AIResponse> answers = AICaches.aiCache(manager, "answers");
      AIResponseCacheMetrics.monitor(registry, answers, "app", "shop");
      orders.put("o-1", "one");
      orders.get("o-1");
      answers.unwrap(AIResponseCache.class).cacheResponse("text", "summarize", Map.of(), AIResponse.of("short"));
      String scrape = registry.scrape();
      Set<String> names = new TreeSet<>();
      Matcher sample = SAMPLE.matcher(scrape);
      while (sample.find()) {
        names.add(sample.group(1));
      }
      return names;
    } finally {
      registry.close();
    }
  }

  static Set<String> namedIn(Path file) throws IOException {
    Set<String> names = new TreeSet<>();
    Matcher metric = METRIC.matcher(Files.readString(file, StandardCharsets.UTF_8));
    while (metric.find()) {
      if (!LABELS.contains(metric.group())) {
        names.add(metric.group());
      }
    }
    return names;
  }

  @Test
  void theDashboardTheAlertsAndTheChapterNameOnlyRegisteredMeters() throws IOException {
    Set<String> registered = registeredNames();
    assertThat(registered).contains("cache_gets_total", "cache_store_errors_total", "ai_cache_lookups_total");
    for (Path file : new Path[] {DASHBOARD, ALERTS, CHAPTER}) {
      Set<String> named = namedIn(file);
      assertThat(named).as("metric names in %s", file).hasSizeGreaterThan(3);
      assertThat(registered).as("%s names meters that no binder registers; registered: %s", file, registered)
          .containsAll(named);
    }
  }
}
