package org.stratacache.jcache;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Properties;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import org.junit.jupiter.api.Test;
import org.stratacache.jcache.configuration.ManagerDefaults;
import org.stratacache.jcache.configuration.Setting;
import org.stratacache.jcache.configuration.StoreType;
import org.stratacache.jcache.configuration.StrataConfiguration;
import org.stratacache.jcache.internal.store.redis.RedisTesting;
import org.stratacache.testing.redis.RedisServer;

/** The web-cache shortcut gives a standard cache: in memory without a Redis URI, on Redis with one. */
class StrataCachesIT {

  /** A value the shortcut must allow for Redis by itself. */
  public record Profile(String name, int visits) {
  }

  @Test
  void inMemoryWithoutARedisUri() {
    CacheManager manager = Caching.getCachingProvider().getCacheManager(URI.create("test:web-memory"),
        getClass().getClassLoader());
    try {
      Cache<String, Profile> profiles = StrataCaches.webCache(manager, "profiles", Profile.class, Duration.ofMinutes(5));
      profiles.put("u1", new Profile("Ann", 3));
      StrataConfiguration<?, ?> configuration = profiles.getConfiguration(StrataConfiguration.class);
      assertThat(configuration.getStoreType()).isEqualTo(StoreType.MEMORY);
      assertThat(configuration.getMaximumSize()).isEqualTo(StrataCaches.WEB_CACHE_MAXIMUM_SIZE);
      assertThat(StrataCaches.webCache(manager, "profiles", Profile.class, Duration.ofMinutes(5))).isSameAs(profiles);
    } finally {
      manager.close();
    }
  }

  @Test
  void onRedisWithOne() {
    Properties properties = new Properties();
    properties.setProperty(ManagerDefaults.REDIS_URI, RedisServer.sharedUri());
    properties.setProperty(Setting.KEY_PREFIX.property(), RedisTesting.uniquePrefix());
    CacheManager manager = Caching.getCachingProvider().getCacheManager(URI.create("test:web-redis"),
        getClass().getClassLoader(), properties);
    try {
      Cache<String, Profile> profiles = StrataCaches.webCache(manager, "profiles", Profile.class, Duration.ofMinutes(5));
      profiles.put("u1", new Profile("Ann", 3));
      assertThat(profiles.get("u1")).isEqualTo(new Profile("Ann", 3));
      assertThat(profiles.getConfiguration(StrataConfiguration.class).getStoreType()).isEqualTo(StoreType.REDIS);
      assertThat(profiles.unwrap(StrataCache.class).storeMetrics().bytesWritten()).isPositive();
    } finally {
      manager.close();
    }
  }
}
