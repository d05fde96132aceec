package org.stratacache.ai;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.util.Map;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import org.junit.jupiter.api.Test;

class AIResponseCacheMetricsTest {

  @Test
  void aiFiguresAreExportedWithTheCachesOwn() {
    CacheManager manager = Caching.getCachingProvider().getCacheManager(URI.create("test:ai-micrometer"),
        getClass().getClassLoader());
    try {
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      Cache<String, AIResponse> cache = AIResponseCacheMetrics.monitor(registry, manager.createCache("ai",
          AIResponseCacheConfiguration.builder().cache(b -> b.statisticsEnabled(true)).build()));
      AIResponseCache ai = cache.unwrap(AIResponseCache.class);
      ai.cacheResponse("t", "summarize", Map.of(), new AIResponse("s", "m", 10, 5, 100, null, null));
      ai.getCachedResponse("t", "summarize", Map.of());
      ai.getCachedResponse("u", "summarize", Map.of());
      assertThat(registry.get("ai.cache.lookups").tags("operation", "summarize", "result", "hit")
          .functionCounter().count()).isEqualTo(1);
      assertThat(registry.get("ai.cache.lookups").tags("operation", "summarize", "result", "miss")
          .functionCounter().count()).isEqualTo(1);
      assertThat(registry.get("ai.cache.tokens.saved").functionCounter().count()).isEqualTo(15);
      assertThat(registry.get("ai.cache.tier.lookups").tags("tier", "small", "result", "hit")
          .functionCounter().count()).isEqualTo(1);
      assertThat(registry.get("cache.gets").tags("cache", "ai", "result", "hit").functionCounter().count())
          .isEqualTo(1);
    } finally {
      manager.close();
    }
  }
}
