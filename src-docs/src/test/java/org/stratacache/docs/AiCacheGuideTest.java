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
import org.stratacache.ai.AIResponse;
import org.stratacache.ai.AIResponseCache;
import org.stratacache.ai.AIResponseCacheConfiguration;

/** The code samples of the AI cache chapter: each tagged region is included in the guide, and runs here. */
class AiCacheGuideTest {

  private final CacheManager manager =
      Caching.getCachingProvider().getCacheManager(URI.create("docs:ai"), getClass().getClassLoader());

  @AfterEach
  void close() {
    manager.close();
  }

  private static AIResponse callTheModel(String text) {
    return AIResponse.of("summary of " + text.length() + " characters");
  }

  @Test
  void createAndUse() {
    String article = "Strata Cache is a JCache provider.";
    // tag::create[]
    Cache<String, AIResponse> cache = manager.createCache("ai-responses", AIResponseCacheConfiguration.defaults());
    AIResponseCache ai = cache.unwrap(AIResponseCache.class);

    AIResponse summary = ai.getOrCompute(article, "summarize", Map.of("max_words", 100),
        () -> callTheModel(article));            // called only when no cached answer exists
    // end::create[]
    // tag::explicit[]
    AIResponse cached = ai.getCachedResponse(article, "summarize", Map.of("max_words", 100));
    if (cached == null) {
      cached = callTheModel(article);
      ai.cacheResponse(article, "summarize", Map.of("max_words", 100), cached);
    }
    // end::explicit[]
    assertThat(cached).isEqualTo(summary);
  }

  @Test
  void keys() {
    AIResponseCache ai = manager.createCache("ai-keys", AIResponseCacheConfiguration.defaults())
        .unwrap(AIResponseCache.class);
    // tag::key[]
    String key = ai.forTenant("acme").forModel("gpt-4o-mini")
        .keyFor("Is this review positive?", "sentiment", Map.of("temperature", 0), null);
    // ai_cache:op:sentiment|t:acme|m:gpt-4o-mini|txt:Is this review positive?|q:-|opts:44136fa3...
    // end::key[]
    assertThat(key).startsWith("ai_cache:op:sentiment|t:acme|m:gpt-4o-mini|txt:Is this review positive?|q:-|opts:");
  }

  @Test
  void configure() {
    // tag::configure[]
    Cache<String, AIResponse> cache = manager.createCache("ai-custom", AIResponseCacheConfiguration.builder()
        .operationTtl("translate", Duration.ofDays(7))      // a new operation
        .operationTtl("qa", Duration.ofMinutes(10))         // shorter than the default 30 min
        .defaultTtl(Duration.ofHours(4))                    // operations without their own lifetime
        .textHashThreshold(500)                             // hash texts longer than 500 characters
        .costPerThousandTokens(0.002)                       // for the estimated cost saved
        .cache(settings -> settings.maximumSize(100_000).statisticsEnabled(true))
        .build());
    // end::configure[]
    assertThat(cache.unwrap(AIResponseCache.class).expiryPolicyFor("translate").getExpiryForCreation()
        .getDurationAmount()).isEqualTo(Duration.ofDays(7).toMillis());
  }

  @Test
  void tenantsAndInvalidation() {
    AIResponseCache ai = manager.createCache("ai-tenants", AIResponseCacheConfiguration.defaults())
        .unwrap(AIResponseCache.class);
    String text = "Shared text";
    // tag::tenants[]
    AIResponseCache acme = ai.forTenant("acme");
    AIResponseCache globex = ai.forTenant("globex");
    acme.cacheResponse(text, "summarize", Map.of(), AIResponse.of("for acme"));
    assertThat(globex.getCachedResponse(text, "summarize", Map.of())).isNull();   // a hard partition
    // end::tenants[]
    // tag::invalidate[]
    long removed = ai.invalidateByOperation("summarize", "new summarization prompt");  // every tenant
    long acmeOnly = acme.invalidateByOperation("sentiment");                           // one tenant
    // end::invalidate[]
    assertThat(removed).isEqualTo(1);
    assertThat(acmeOnly).isZero();
    // tag::metrics[]
    var summary = ai.getAiPerformanceSummary();
    System.out.printf("hit ratio %.1f%%, %d tokens saved, key p99 %.1f µs%n",
        summary.hitRatio() * 100, summary.tokensSaved(), summary.keyGenerationP99Micros());
    // end::metrics[]
  }
}
