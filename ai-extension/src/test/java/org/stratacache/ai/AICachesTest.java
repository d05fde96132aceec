package org.stratacache.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import org.junit.jupiter.api.Test;

class AICachesTest {

  @Test
  void oneLineGivesAStandardCacheWithTheAiView() {
    CacheManager manager = Caching.getCachingProvider().getCacheManager(URI.create("test:ai-shortcut"),
        getClass().getClassLoader());
    try {
      Cache<String, AIResponse> cache = AICaches.aiCache(manager, "answers");
      assertThat(AICaches.aiCache(manager, "answers")).isSameAs(cache);
      AIResponseCache ai = cache.unwrap(AIResponseCache.class);
      assertThat(ai.getOrCompute("text", "summarize", Map.of(), () -> AIResponse.of("short"))).isNotNull();
      assertThat(ai.getCachedResponse("text", "summarize", Map.of()).content()).isEqualTo("short");
    } finally {
      manager.close();
    }
  }
}
