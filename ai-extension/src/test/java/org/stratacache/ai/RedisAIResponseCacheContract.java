package org.stratacache.ai;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.api.sync.RedisKeyCommands;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import javax.cache.CacheManager;
import javax.cache.Caching;
import org.stratacache.jcache.configuration.Setting;
import org.stratacache.jcache.configuration.StrataConfiguration;
import org.stratacache.jcache.internal.config.ManagerDefaults;

/**
 * The AI cache contract on a Redis deployment: each test gets its own key prefix and manager, and
 * lifetimes are read back with PTTL; subclasses choose the deployment.
 */
abstract class RedisAIResponseCacheContract extends AIResponseCacheContractTest {

  private final String prefix = "ai-" + UUID.randomUUID().toString().substring(0, 8);

  /** The Redis URI the cache manager connects to. */
  protected abstract String redisUri();

  /** The start of the cache manager's URI, before the key prefix. */
  protected abstract String managerName();

  /** Key commands on the same deployment, to read lifetimes back. */
  protected abstract RedisKeyCommands<String, String> keys();

  @Override
  protected CacheManager createManager() {
    Properties properties = new Properties();
    properties.setProperty(Setting.REDIS_URI.property(), redisUri());
    return Caching.getCachingProvider().getCacheManager(URI.create(managerName() + prefix),
        getClass().getClassLoader(), properties);
  }

  @Override
  protected void configure(StrataConfiguration.Builder<String, AIResponse> builder) {
    builder.keyPrefix(prefix);
  }

  @Override
  public Instant now() {
    return Instant.now();
  }

  @Override
  public void passes(Duration time) throws InterruptedException {
    Thread.sleep(time.toMillis());
  }

  @Override
  public void assertAbsent(String key) {
    assertThat(keys().exists(prefix + ":ai-responses:" + key)).as("Redis keys named " + key).isZero();
  }

  @Override
  public void assertLifetime(String key, Duration ttl) {
    long pttl = keys().pttl(prefix + ":ai-responses:" + key);
    assertThat(pttl).as("PTTL of " + key).isBetween(ttl.toMillis() - 5_000, ttl.toMillis());
  }
}
