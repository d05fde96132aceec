package org.stratacache.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stratacache.testing.redis.RedisServer;

/** An AI cache declared in a configuration file, exactly as the {@link AICacheExtension} javadoc shows, on Redis. */
class FileDeclaredAICacheIT {

  @TempDir
  Path directory;

  @Test
  void aFileDeclaredAiCacheStoresAndReturnsAnswersOnRedis() throws IOException {
    String prefix = "ai-file-" + UUID.randomUUID().toString().substring(0, 8);
    Path file = directory.resolve("strata.yaml");
    Files.writeString(file, String.join("\n",
        "redis-uri: " + RedisServer.sharedUri(),
        "key-prefix: " + prefix,
        "caches:",
        "  ai-responses:",
        "    value-type: org.stratacache.ai.AIResponse",
        "    ai:",
        "      operation-ttls: { summarize: 2h, qa: 30m }",
        "      text-hash-threshold: 1000",
        "      default-model: gpt-4o-mini",
        "      cost-per-thousand-tokens: 0.002",
        ""));
    CacheManager manager = Caching.getCachingProvider().getCacheManager(file.toUri(), getClass().getClassLoader());
    try {
      Cache<Object, Object> cache = manager.getCache("ai-responses");
      AIResponseCache ai = cache.unwrap(AIResponseCache.class);
      AIResponse answer = new AIResponse("A summary", "gpt-4o-mini", 10, 20, 300, Instant.ofEpochMilli(1_000),
          Map.of("finish", "stop"));
      ai.cacheResponse("The article", "summarize", Map.of(), answer);
      assertThat(ai.getCachedResponse("The article", "summarize", Map.of())).isEqualTo(answer);
    } finally {
      manager.destroyCache("ai-responses");
      manager.close();
    }
  }
}
