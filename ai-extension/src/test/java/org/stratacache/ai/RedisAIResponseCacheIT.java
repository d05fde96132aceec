package org.stratacache.ai;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.net.URI;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import javax.cache.CacheManager;
import javax.cache.Caching;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.stratacache.jcache.configuration.ManagerDefaults;
import org.stratacache.jcache.configuration.StrataConfiguration;
import org.stratacache.jcache.testing.RedisServer;

/** The AI cache on Redis; each operation's lifetime read back with PTTL. */
class RedisAIResponseCacheIT extends AIResponseCacheContractTest {

  private static RedisClient client;
  private static StatefulRedisConnection<String, String> raw;
  private final String prefix = "ai-" + UUID.randomUUID().toString().substring(0, 8);

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
  protected CacheManager createManager() {
    Properties properties = new Properties();
    properties.setProperty(ManagerDefaults.REDIS_URI, RedisServer.sharedUri());
    return Caching.getCachingProvider().getCacheManager(URI.create("test:ai-redis-" + prefix),
        getClass().getClassLoader(), properties);
  }

  @Override
  protected void configure(StrataConfiguration.Builder<String, AIResponse> builder) {
    builder.keyPrefix(prefix);
  }

  @Override
  protected void assertLifetime(String key, Duration ttl) {
    long pttl = raw.sync().pttl(prefix + ":ai-responses:" + key);
    assertThat(pttl).as("PTTL of " + key).isBetween(ttl.toMillis() - 5_000, ttl.toMillis());
  }
}
