package org.stratacache.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.stratacache.testing.redis.RedisServer;

/** The demo that README's run command starts runs to the end and reports what it promises, on both stores. */
class CacheDemoTest {

  @Test
  void demoRunsAndReportsEachScenario() throws Exception {
    String output = runDemo();
    assertThat(output).contains("(cache \"products\" is kept in memory)");
    assertPromises(output);
  }

  @Test
  void onRedisTheDemoSaysSoKeepsItsPromisesAndLeavesNoKeys() throws Exception {
    try (RedisServer redis = RedisServer.start()) {
      System.setProperty("strata.redis-uri", redis.uri());
      try {
        String first = runDemo();
        assertThat(first)
            .contains("(cache \"products\" is kept in Redis (REDIS_URL or strata.redis-uri))")
            .contains("(cache \"ai-responses\" is kept in Redis (REDIS_URL or strata.redis-uri))")
            .contains("(cache \"recent\" is kept in memory)")
            .doesNotContain(redis.uri());
        assertPromises(first);
        assertThat(keysIn(redis)).as("keys the demo left in Redis").isZero();
        assertPromises(runDemo());
      } finally {
        System.clearProperty("strata.redis-uri");
      }
    }
  }

  private static void assertPromises(String output) {
    assertThat(output)
        .contains("Provider: org.stratacache.jcache.spi.StrataCachingProvider")
        .contains("== 1. Cache-aside")
        .containsPattern("20,000 requests over 2,000 products: (1,[0-9]{3}|[1-9][0-9]{0,2}|2,000) database reads instead of 20,000")
        .contains("only the 3 missing ones loaded; database reads: 4")
        .contains("700 ms later:    null (expired)")
        .contains("5,000 puts -> 1,000 entries held, 4000 evictions counted")
        .contains("== 5. AI response cache")
        .contains("model calls: 20 of 120 requests (100 calls saved)")
        .containsPattern("invalidateByOperation\\(\"summarize\"\\) removed [1-5] answers")
        .containsPattern("JMX javax.cache:type=CacheStatistics,.*hits=\\d+ misses=\\d+");
  }

  private static String runDemo() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new CacheDemo(new PrintStream(bytes, true, StandardCharsets.UTF_8)).run();
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static long keysIn(RedisServer redis) {
    RedisClient client = RedisClient.create(redis.uri());
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      return connection.sync().dbsize();
    } finally {
      client.shutdown();
    }
  }
}
