package org.stratacache.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.Caching;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stratacache.jcache.configuration.ResiliencePolicy;
import org.stratacache.jcache.testing.Concurrently;
import org.stratacache.testing.redis.RedisServer;

/**
 * An AI cache never fails the model call: Redis down at start, killed under load, paused past the
 * timeout, or holding a corrupt answer, the model answers and the failure is counted; a refused
 * password still fails at creation, and {@code resilience: fail} restores failing calls.
 */
class FailOpenIT {

  private final String prefix = "ai-open-" + UUID.randomUUID().toString().substring(0, 8);
  private final AtomicInteger modelCalls = new AtomicInteger();
  private RedisServer server;
  private CacheManager manager;

  @BeforeEach
  void startRedis() {
    server = RedisServer.start();
    manager = Caching.getCachingProvider().getCacheManager(URI.create("test:" + prefix), getClass().getClassLoader());
  }

  @AfterEach
  void stopRedis() {
    manager.close();
    server.close();
  }

  private AIResponseCache aiCache(String uri, ResiliencePolicy policy) {
    Cache<String, AIResponse> cache = manager.createCache("answers", AIResponseCacheConfiguration.builder()
        .cache(builder -> {
          builder.redisUri(uri).keyPrefix(prefix).redisTimeout(Duration.ofMillis(500));
          if (policy != null) {
            builder.resiliencePolicy(policy);
          }
        }).build());
    return cache.unwrap(AIResponseCache.class);
  }

  private AIResponse ask(AIResponseCache ai, String text) {
    return ai.getOrCompute(text, "summarize", Map.of(), () -> {
      modelCalls.incrementAndGet();
      return AIResponse.of("summary of " + text);
    });
  }

  @Test
  void redisKilledAndRestartedUnderFourThreadsNeverFailsACallAndHitsResume() throws Exception {
    AIResponseCache ai = aiCache(server.uri(), null);
    assertThat(ask(ai, "warm").content()).isEqualTo("summary of warm");
    LongAdder answered = new LongAdder();
    server.kill();
    Concurrently.repeat(4, 50, () -> {
      assertThat(ask(ai, "during the outage").content()).isEqualTo("summary of during the outage");
      answered.increment();
    });
    assertThat(answered.sum()).isEqualTo(200);
    assertThat(ai.getAiPerformanceSummary().cacheErrors()).isPositive();
    server.restart();
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    long hitsBefore = ai.getAiPerformanceSummary().hits();
    while (ai.getAiPerformanceSummary().hits() == hitsBefore) {
      assertThat(System.nanoTime()).as("no hit 20 s after the restart").isLessThan(deadline);
      Concurrently.repeat(4, 5, () -> assertThat(ask(ai, "after the restart").content())
          .isEqualTo("summary of after the restart"));
      Thread.sleep(50);
    }
  }

  @Test
  void redisDownAtCreationStillAnswersAndCachesOnceItIsUp() throws Exception {
    server.kill();
    AIResponseCache ai = aiCache(server.uri(), null);
    assertThat(ask(ai, "no redis yet").content()).isEqualTo("summary of no redis yet");
    server.restart();
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (ai.getCachedResponse("cached later", "summarize", Map.of()) == null) {
      assertThat(System.nanoTime()).as("nothing cached 20 s after Redis started").isLessThan(deadline);
      ask(ai, "cached later");
      Thread.sleep(100);
    }
  }

  @Test
  void aPausedRedisTimesOutAndTheModelAnswers() throws Exception {
    AIResponseCache ai = aiCache(server.uri(), null);
    try (RawRedis raw = new RawRedis(server.uri())) {
      raw.connection.sync().clientPause(3_000);
      assertThat(ask(ai, "paused").content()).isEqualTo("summary of paused");
    }
    assertThat(modelCalls.get()).isEqualTo(1);
    assertThat(ai.getAiPerformanceSummary().cacheErrors()).isPositive();
  }

  @Test
  void aCorruptStoredAnswerIsCountedAndReplacedByTheModelsAnswer() throws Exception {
    AIResponseCache ai = aiCache(server.uri(), null);
    String key = ai.keyFor("corrupted", "summarize", Map.of(), null);
    try (RawRedis raw = new RawRedis(server.uri())) {
      raw.connection.sync().set((prefix + ":answers:" + key).getBytes(StandardCharsets.UTF_8),
          new byte[] {1, 42, 42, 42, 42, 42});
    }
    assertThat(ask(ai, "corrupted").content()).isEqualTo("summary of corrupted");
    assertThat(ai.getAiPerformanceSummary().cacheErrors()).isPositive();
    assertThat(ask(ai, "corrupted").content()).isEqualTo("summary of corrupted");
    assertThat(modelCalls.get()).isEqualTo(1);
    assertThat(ai.getAiPerformanceSummary().hits()).isEqualTo(1);
  }

  @Test
  void aRefusedPasswordStillFailsAtCreation() {
    try (RawRedis raw = new RawRedis(server.uri())) {
      raw.connection.sync().configSet("requirepass", "s3cret");
    }
    assertThatThrownBy(() -> aiCache("redis://:wrong@127.0.0.1:" + server.port(), null))
        .isInstanceOf(CacheException.class).hasMessageContaining("uthentication");
  }

  @Test
  void resilienceFailLetsRedisFailuresReachTheCaller() throws Exception {
    AIResponseCache ai = aiCache(server.uri(), ResiliencePolicy.FAIL);
    server.kill();
    assertThatThrownBy(() -> ask(ai, "strict")).isInstanceOf(CacheException.class);
  }

  @Test
  void nothingListeningAtAllIsAnOutageToo() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    AIResponseCache ai = aiCache("redis://127.0.0.1:" + port, null);
    assertThat(ask(ai, "nowhere").content()).isEqualTo("summary of nowhere");
  }

  /** A raw connection to the same server, to pause it or plant bytes. */
  private static final class RawRedis implements AutoCloseable {
    final RedisClient client = RedisClient.create();
    final StatefulRedisConnection<byte[], byte[]> connection;

    RawRedis(String uri) {
      connection = client.connect(ByteArrayCodec.INSTANCE, RedisURI.create(uri));
    }

    @Override
    public void close() {
      connection.close();
      client.shutdown();
    }
  }
}
