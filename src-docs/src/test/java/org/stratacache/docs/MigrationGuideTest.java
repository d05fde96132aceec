package org.stratacache.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.stratacache.ai.AICaches;
import org.stratacache.ai.AIResponse;
import org.stratacache.ai.AIResponseCache;
import org.stratacache.ai.AIResponseCacheConfiguration;
import org.stratacache.jcache.StrataCaches;

/** The samples of the migration chapter: the Python template's three caches, in Strata's terms. */
class MigrationGuideTest {

  private final CacheManager manager =
      Caching.getCachingProvider().getCacheManager(URI.create("docs:migration"), getClass().getClassLoader());

  @AfterEach
  void close() {
    manager.close();
  }

  @Test
  void theThreeCaches() {
    // tag::three-caches[]
    // InMemoryCache and GenericRedisCache: one call; REDIS_URL (or strata.redis-uri) picks Redis
    Cache<String, String> pages = StrataCaches.webCache(manager, "pages", String.class, Duration.ofHours(1));
    pages.put("/home", "<html>...</html>");

    // AIResponseCache: a standard cache, specialized by unwrap
    AIResponseCache ai = AICaches.aiCache(manager, "ai-responses").unwrap(AIResponseCache.class);
    ai.cacheResponse("a long article", "summarize", Map.of("max_words", 100), AIResponse.of("short"));
    AIResponse cached = ai.getCachedResponse("a long article", "summarize", Map.of("max_words", 100L));
    // end::three-caches[]
    assertThat(cached.content()).isEqualTo("short");
    assertThat(pages.get("/home")).startsWith("<html>");
  }

  @Test
  void theCacheConfigFields() {
    // tag::cache-config[]
    Cache<String, AIResponse> cache = manager.createCache("ai-configured", AIResponseCacheConfiguration.builder()
        .defaultTtl(Duration.ofHours(1))                          // default_ttl
        .textHashThreshold(1000)                                  // text_hash_threshold
        .textTiers(500, 5_000, 50_000)                            // text_size_tiers
        .operationTtl("summarize", Duration.ofHours(2))           // operation_ttls
        .cache(settings -> settings
            .compressionThreshold(1024)                           // compression_threshold
            .compressionLevel(3))                                 // compression_level
        .build());                                                // redis_url: REDIS_URL or .redisUri(...)
    // end::cache-config[]
    assertThat(cache.unwrap(AIResponseCache.class).expiryPolicyFor("summarize").getExpiryForCreation()
        .getDurationAmount()).isEqualTo(Duration.ofHours(2).toMillis());
  }
}
