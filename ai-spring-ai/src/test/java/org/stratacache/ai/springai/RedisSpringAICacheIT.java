package org.stratacache.ai.springai;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.File;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import javax.cache.CacheManager;
import javax.cache.Caching;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.client.ChatClient;
import org.stratacache.ai.AIResponse;
import org.stratacache.ai.AIResponseCache;
import org.stratacache.ai.AIResponseCacheConfiguration;
import org.stratacache.jcache.configuration.StrataConfiguration;
import org.stratacache.jcache.testing.Concurrently;
import org.stratacache.testing.redis.RedisServer;

/** The Spring AI advisor on Redis: the contract, a second JVM, and an outage under load. */
class RedisSpringAICacheIT extends SpringAICacheContract {

  private static RedisClient client;
  private static StatefulRedisConnection<String, String> raw;

  @BeforeAll
  static void connect() {
    client = RedisClient.create();
    raw = client.connect(RedisURI.create(RedisServer.sharedUri()));
  }

  @AfterAll
  static void disconnect() {
    raw.close();
    client.shutdown();
  }

  @Override
  protected void configure(StrataConfiguration.Builder<String, AIResponse> builder) {
    builder.redisUri(RedisServer.sharedUri()).keyPrefix(prefix);
  }

  @Override
  protected void assertAbsent(String key) {
    assertThat(raw.sync().exists(prefix + ":answers:" + key)).as("Redis keys named " + key).isZero();
  }

  @Test
  void aPerRequestLifetimeIsTheRedisTtl() {
    ScriptedChatModel model = new ScriptedChatModel();
    ChatClient chat = client(model);
    prompt(chat).advisors(a -> a.param(AICacheAdvisor.TTL, Duration.ofMinutes(5))).call().content();
    long pttl = raw.sync().pttl(prefix + ":answers:" + keyOf(prompt(chat)));
    assertThat(pttl).isBetween(Duration.ofMinutes(5).minusSeconds(30).toMillis(), Duration.ofMinutes(5).toMillis());
  }

  @Test
  void aSecondJvmOnTheSameRedisGetsTheHit() throws Exception {
    ScriptedChatModel model = new ScriptedChatModel();
    String answer = prompt(client(model)).call().content();
    assertThat(model.calls.get()).isEqualTo(1);
    Process child = new ProcessBuilder(new File(System.getProperty("java.home"), "bin/java").getPath(),
        "-cp", System.getProperty("java.class.path"), SecondJvm.class.getName(), RedisServer.sharedUri(), prefix)
        .redirectErrorStream(true).start();
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the second JVM ended").isTrue();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(output).contains("answer: " + answer);
    assertThat(child.exitValue()).as("model calls in the second JVM; it said:\n" + output).isZero();
  }

  @Test
  void redisKilledAndRestartedWhileFourThreadsCallEveryCallIsAnsweredAndHitsResume() throws Exception {
    try (RedisServer server = RedisServer.start()) {
      CacheManager outageManager = Caching.getCachingProvider().getCacheManager(
          URI.create("test:" + prefix + "-outage"), getClass().getClassLoader());
      try {
        AIResponseCache outage = outageManager.createCache("answers", AIResponseCacheConfiguration.builder()
            .cache(builder -> builder.redisUri(server.uri()).keyPrefix(prefix)
                .redisTimeout(Duration.ofMillis(500))).build()).unwrap(AIResponseCache.class);
        ScriptedChatModel model = new ScriptedChatModel();
        ChatClient chat = ChatClient.builder(model).defaultAdvisors(AICacheAdvisor.builder(outage).build()).build();
        assertThat(chat.prompt().user("warm").call().content()).isEqualTo("answer 1 to warm");
        Queue<Throwable> reachedCaller = new ConcurrentLinkedQueue<>();
        LongAdder answered = new LongAdder();
        AtomicInteger question = new AtomicInteger();
        server.kill();
        Concurrently.repeat(4, 25, () -> {
          String asked = "during the outage " + question.incrementAndGet() % 5;
          try {
            assertThat(chat.prompt().user(asked).call().content()).endsWith(" to " + asked);
            answered.increment();
          } catch (RuntimeException | AssertionError e) {
            reachedCaller.add(e);
          }
        });
        long errors = outage.getAiPerformanceSummary().cacheErrors();
        assertThat(reachedCaller).as("exceptions that reached the caller").isEmpty();
        assertThat(answered.sum()).isEqualTo(100);
        assertThat(errors).as("cache errors counted").isPositive();
        server.restart();
        long restarted = System.nanoTime();
        long hitsBefore = outage.getAiPerformanceSummary().hits();
        while (outage.getAiPerformanceSummary().hits() == hitsBefore) {
          assertThat(System.nanoTime() - restarted).as("no hit 20 s after the restart")
              .isLessThan(TimeUnit.SECONDS.toNanos(20));
          Concurrently.repeat(4, 5, () -> assertThat(chat.prompt().user("after the restart").call().content())
              .endsWith(" to after the restart"));
          Thread.sleep(50);
        }
        System.out.printf("Spring AI outage: %d calls answered, %d exceptions reached the caller, %d cache errors"
            + " counted, first hit %d ms after the restart%n", answered.sum(), reachedCaller.size(), errors,
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restarted));
      } finally {
        outageManager.close();
      }
    }
  }
}
