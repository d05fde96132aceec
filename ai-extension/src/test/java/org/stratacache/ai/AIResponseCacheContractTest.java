package org.stratacache.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stratacache.jcache.StrataCache;
import org.stratacache.jcache.configuration.StrataConfiguration;

/** What an AIResponseCache does on any store; subclasses choose the store and how to see lifetimes. */
abstract class AIResponseCacheContractTest implements RequestContract, StreamContract {

  protected CacheManager manager;
  protected Cache<String, AIResponse> cache;
  protected AIResponseCache ai;

  /** A manager for the store under test. */
  protected abstract CacheManager createManager();

  /** Adds store settings (a fake clock, a key prefix) to the configuration. */
  protected abstract void configure(StrataConfiguration.Builder<String, AIResponse> builder);

  /** Checks that the entry under {@code key} lives {@code ttl}, and not the default lifetime. */
  @Override
  public abstract void assertLifetime(String key, Duration ttl);

  @Override
  public AIResponseCache ai() {
    return ai;
  }

  @Override
  public void assertAbsent(String key) {
    assertThat(cache.containsKey(key)).as("an entry under " + key).isFalse();
  }

  @BeforeEach
  void createCache() {
    manager = createManager();
    cache = manager.createCache("ai-responses", AIResponseCacheConfiguration.builder()
        .costPerThousandTokens(0.01).modelPrice("priced", 0.5, 2).cache(this::configure).build());
    ai = cache.unwrap(AIResponseCache.class);
  }

  @AfterEach
  void closeManager() {
    manager.destroyCache("ai-responses");
    manager.close();
  }

  private static AIResponse answer(String content) {
    return new AIResponse(content, "test-model", 120, 80, 1500, Instant.now(), Map.of("finish", "stop"));
  }

  @Test
  void unwrapGivesOneAiCachePerCache() {
    assertThat(cache.unwrap(AIResponseCache.class)).isSameAs(ai);
  }

  @Test
  void cachedAnswersComeBackForEqualRequestsOnly() {
    ai.cacheResponse("The article", "summarize", Map.of("max_words", 50), answer("A summary"));
    assertThat(ai.getCachedResponse("The article", "summarize", Map.of("max_words", 50L)).content())
        .isEqualTo("A summary");
    assertThat(ai.getCachedResponse("The article", "summarize", Map.of("max_words", 60))).isNull();
    assertThat(ai.getCachedResponse("The article", "sentiment", Map.of("max_words", 50))).isNull();
    assertThat(ai.forModel("other-model").getCachedResponse("The article", "summarize", Map.of("max_words", 50)))
        .isNull();
    ai.cacheResponse("Doc", "qa", Map.of(), answer("42"), "What is the answer?");
    assertThat(ai.getCachedResponse("Doc", "qa", Map.of(), "What is the answer?").content()).isEqualTo("42");
    assertThat(ai.getCachedResponse("Doc", "qa", Map.of(), "Another question?")).isNull();
  }

  @Test
  void eachOperationLivesItsOwnLifetime() {
    Map<String, Duration> expected = Map.of("summarize", Duration.ofHours(2), "sentiment", Duration.ofHours(24),
        "key_points", Duration.ofHours(2), "questions", Duration.ofHours(1), "qa", Duration.ofMinutes(30),
        "translate", AIResponseCacheConfiguration.DEFAULT_TTL);
    expected.forEach((operation, ttl) -> {
      ai.cacheResponse("text for " + operation, operation, Map.of(), answer(operation));
      assertLifetime(ai.keyFor("text for " + operation, operation, Map.of(), null), ttl);
    });
  }

  @Test
  void cachingAnAnswerAgainGivesItTheOperationsFullLifetime() {
    String key = ai.keyFor("re-cached text", "summarize", Map.of(), null);
    @SuppressWarnings("unchecked")
    StrataCache<String, AIResponse> strata = cache.unwrap(StrataCache.class);
    strata.withExpiryPolicy(new CreatedExpiryPolicy(new javax.cache.expiry.Duration(TimeUnit.SECONDS, 10)))
        .put(key, answer("first, about to expire"));
    ai.cacheResponse("re-cached text", "summarize", Map.of(), answer("second"));
    assertLifetime(key, Duration.ofHours(2));
  }

  @Test
  void invalidatingAnOperationRemovesAllOfItAndNothingElse() {
    for (int i = 0; i < 50; i++) {
      ai.cacheResponse("text " + i, "summarize", Map.of("i", i), answer("s" + i));
      ai.cacheResponse("text " + i, "sentiment", Map.of("i", i), answer("p" + i));
    }
    ai.forTenant("acme").cacheResponse("tenant text", "summarize", Map.of(), answer("t"));
    assertThat(ai.invalidateByOperation("summarize", "prompt changed")).isEqualTo(51);
    for (int i = 0; i < 50; i++) {
      assertThat(ai.getCachedResponse("text " + i, "summarize", Map.of("i", i))).isNull();
      assertThat(ai.getCachedResponse("text " + i, "sentiment", Map.of("i", i))).isNotNull();
    }
    assertThat(ai.forTenant("acme").getCachedResponse("tenant text", "summarize", Map.of())).isNull();
    assertThat(ai.getAiPerformanceSummary().byOperation().get("summarize").invalidated()).isEqualTo(51);
    assertThat(ai.invalidateByOperation("summarize")).isZero();
  }

  @Test
  void aTenantNeverSeesAnotherTenantsAnswers() {
    AIResponseCache acme = ai.forTenant("acme");
    AIResponseCache globex = ai.forTenant("globex");
    acme.cacheResponse("shared text", "summarize", Map.of(), answer("acme's summary"));
    assertThat(globex.getCachedResponse("shared text", "summarize", Map.of())).isNull();
    assertThat(ai.getCachedResponse("shared text", "summarize", Map.of())).isNull();
    assertThat(acme.getCachedResponse("shared text", "summarize", Map.of()).content()).isEqualTo("acme's summary");
    globex.cacheResponse("shared text", "summarize", Map.of(), answer("globex's summary"));
    assertThat(globex.invalidateAll()).isEqualTo(1);
    assertThat(acme.getCachedResponse("shared text", "summarize", Map.of())).isNotNull();
    assertThatThrownBy(() -> ai.forTenant("acme|t:globex")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void concurrentIdenticalRequestsCallTheModelOnce() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(32);
    try {
      List<Future<AIResponse>> answers = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        answers.add(pool.submit(() -> {
          start.await();
          return ai.getOrCompute("same prompt", "summarize", Map.of("n", 1), () -> {
            calls.incrementAndGet();
            Thread.sleep(300);
            return answer("computed once");
          });
        }));
      }
      start.countDown();
      for (Future<AIResponse> answer : answers) {
        assertThat(answer.get(30, TimeUnit.SECONDS).content()).isEqualTo("computed once");
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(calls.get()).isEqualTo(1);
    AIPerformanceSummary summary = ai.getAiPerformanceSummary();
    assertThat(summary.coalescedCalls() + summary.hits()).isEqualTo(31);
  }

  @Test
  void aFailingModelCallIsNotCachedAndReachesEveryWaiter() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<AIResponse>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < 8; i++) {
        answers.add(pool.submit(() -> {
          start.await();
          return ai.getOrCompute("bad prompt", "qa", Map.of(), "why?", () -> {
            calls.incrementAndGet();
            Thread.sleep(300);
            throw new IOException("model unavailable");
          });
        }));
      }
      start.countDown();
      for (Future<AIResponse> answer : answers) {
        assertThatThrownBy(() -> answer.get(30, TimeUnit.SECONDS)).hasRootCauseMessage("model unavailable")
            .hasCauseInstanceOf(ModelCallException.class);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(calls.get()).isEqualTo(1);
    assertThat(ai.getCachedResponse("bad prompt", "qa", Map.of(), "why?")).isNull();
  }

  @Test
  void metricsCountPerOperationAndTierAndWhatHitsSaved() {
    ai.cacheResponse("short", "summarize", Map.of(), answer("a"));
    ai.getCachedResponse("short", "summarize", Map.of());
    ai.getCachedResponse("short", "summarize", Map.of());
    ai.getCachedResponse("x".repeat(6000), "summarize", Map.of());
    ai.getCachedResponse("short", "qa", Map.of());
    AIPerformanceSummary summary = ai.getAiPerformanceSummary();
    assertThat(summary.hits()).isEqualTo(2);
    assertThat(summary.misses()).isEqualTo(2);
    assertThat(summary.byOperation().get("summarize").hits()).isEqualTo(2);
    assertThat(summary.byOperation().get("summarize").misses()).isEqualTo(1);
    assertThat(summary.byOperation().get("qa").misses()).isEqualTo(1);
    assertThat(summary.byTextTier().get(TextTier.SMALL).hits()).isEqualTo(2);
    assertThat(summary.byTextTier().get(TextTier.LARGE).misses()).isEqualTo(1);
    assertThat(summary.tokensSaved()).isEqualTo(400);
    assertThat(summary.estimatedCostSaved()).isEqualTo(0.004, Offset.offset(1e-9));
    assertThat(summary.modelTimeSaved()).isEqualTo(Duration.ofSeconds(3));
    assertThat(summary.keyGenerationMeanMicros()).isPositive();
    assertThat(summary.keyGenerationP99Micros()).isPositive();
  }

  @Test
  void theAiCacheNeedsStringKeysAndAiResponses() {
    Cache<Long, String> wrong = manager.createCache("wrong-types",
        new MutableConfiguration<Long, String>().setTypes(Long.class, String.class));
    assertThatThrownBy(() -> wrong.unwrap(AIResponseCache.class)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("String keys").hasMessageContaining("java.lang.Long");
    manager.destroyCache("wrong-types");
  }
}
