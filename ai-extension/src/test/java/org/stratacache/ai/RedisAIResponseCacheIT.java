package org.stratacache.ai;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisKeyCommands;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.stratacache.testing.redis.RedisServer;

/** The AI cache on Redis; each operation's lifetime read back with PTTL. */
class RedisAIResponseCacheIT extends RedisAIResponseCacheContract {

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
  protected String redisUri() {
    return RedisServer.sharedUri();
  }

  @Override
  protected String managerName() {
    return "test:ai-redis-";
  }

  @Override
  protected RedisKeyCommands<String, String> keys() {
    return raw.sync();
  }
}
