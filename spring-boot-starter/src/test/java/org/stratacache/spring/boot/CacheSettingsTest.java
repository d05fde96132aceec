package org.stratacache.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import javax.cache.Cache;
import javax.cache.CacheManager;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.stratacache.ai.AIResponseCache;
import org.stratacache.ai.ModelPrice;
import org.stratacache.ai.TextTier;
import org.stratacache.jcache.configuration.StrataConfiguration;

/**
 * The settings of one cache ({@code strata.caches.<cache-name>.<key>}) and the extensions' settings
 * ({@code strata.ai.*}) reach the cache manager from application properties, in relaxed forms, and
 * change what the caches do; a key of one cache that is not a setting fails the start naming it.
 */
class CacheSettingsTest {

  @Test
  void aCacheOwnMaximumSizeBoundsThatCacheAlone() throws InterruptedException {
    try (ConfigurableApplicationContext context = UnknownPropertyTest.app("spring.application.name=per-cache-size",
        "strata.caches.small.maximumSize=5", "strata.caches.small.statistics=true",
        "strata.caches[com.example.Author].default-ttl=1h").run()) {
      CacheManager manager = context.getBean(CacheManager.class);
      assertThat(manager.getCacheNames()).contains("greetings", "small", "com.example.Author");
      Cache<Object, Object> small = manager.getCache("small");
      Cache<Object, Object> greetings = manager.getCache("greetings");
      assertThat(small.getConfiguration(StrataConfiguration.class).getMemory().getMaximumSize()).isEqualTo(5);
      assertThat(manager.getCache("com.example.Author").getConfiguration(StrataConfiguration.class).getDefaultTtl())
          .isEqualTo(Duration.ofHours(1));
      for (int i = 0; i < 200; i++) {
        small.put(i, "value " + i);
        greetings.put(i, "value " + i);
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (count(small) > 5 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(count(small)).as("the bounded cache evicted down to its bound").isLessThanOrEqualTo(5);
      assertThat(count(greetings)).as("the other cache keeps everything").isEqualTo(200);
    }
  }

  @Test
  void aiSettingsReachTheAiCacheForTheManagerAndForOneCache() {
    try (ConfigurableApplicationContext context = UnknownPropertyTest.app("spring.application.name=ai-settings",
        "strata.ai.operation-ttls.summarize=3h", "strata.caches.answers.key-type=java.lang.String",
        "strata.caches.answers.value-type=org.stratacache.ai.AIResponse",
        "strata.caches.answers.ai.text-hash-threshold=10", "strata.caches.answers.ai.textSizeTiers=100,1000,10000",
        "strata.caches.answers.ai.default-model=gpt-4o", "strata.ai.model-prices.gpt-4o.prompt=0.0025",
        "strata.ai.model-prices.gpt-4o.completion=0.01").run()) {
      AIResponseCache ai = context.getBean(CacheManager.class).getCache("answers").unwrap(AIResponseCache.class);
      assertThat(ai.settings().textHashThreshold()).isEqualTo(10);
      assertThat(ai.settings().tierOf(500)).as("a list, relaxed key").isEqualTo(TextTier.MEDIUM);
      assertThat(ai.settings().defaultModel()).isEqualTo("gpt-4o");
      assertThat(ai.settings().priceOf("gpt-4o")).as("a map of maps, for the whole manager")
          .isEqualTo(new ModelPrice(0.0025, 0.01));
      assertThat(ai.keyFor("a text longer than ten characters", "summarize", Map.of(), null)).contains("hash:");
      assertThat(ai.expiryPolicyFor("summarize").getExpiryForCreation().getDurationAmount())
          .as("the manager-wide ai.operation-ttls").isEqualTo(Duration.ofHours(3).toMillis());
    }
  }

  @Test
  void anUnknownKeyOfOneCacheFailsTheStartNamingIt() {
    assertThatThrownBy(() -> UnknownPropertyTest.app("spring.application.name=per-cache-unknown",
        "strata.caches.orders.maximum-sizes=5").run())
        .rootCause().hasMessageContaining("strata.caches.orders.maximum-sizes")
        .hasMessageContaining("maximum-size");
    assertThatThrownBy(() -> UnknownPropertyTest.app("spring.application.name=per-cache-bad", "strata.caches.orders.compression-level=30")
        .run()).hasStackTraceContaining("caches.orders.compression-level").hasStackTraceContaining("from 1 to 22");
  }

  private static int count(Cache<Object, Object> cache) {
    int count = 0;
    for (Cache.Entry<Object, Object> ignored : cache) {
      count++;
    }
    return count;
  }
}
