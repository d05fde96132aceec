package org.stratacache.jcache.internal.store.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import java.net.URI;
import java.util.Properties;
import java.util.UUID;
import javax.cache.CacheManager;
import javax.cache.Caching;
import org.stratacache.jcache.configuration.Setting;
import org.stratacache.jcache.configuration.StoreType;
import org.stratacache.jcache.configuration.StrataConfiguration;
import org.stratacache.jcache.internal.config.ManagerDefaults;
import org.stratacache.testing.redis.RedisServer;

/** Helpers for tests against a real Redis: unique namespaces, resolved configurations, a raw client. */
public final class RedisTesting {

  private RedisTesting() {
  }

  /** A key prefix no other test run uses, so tests can share a Redis server. */
  public static String uniquePrefix() {
    return "it-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A Redis cache configuration on the shared test server, resolved as a cache manager would. */
  public static <K, V> StrataConfiguration<K, V> redisConfiguration(Class<K> keys, Class<V> values, String prefix) {
    return ManagerDefaults.of(null, name -> null, name -> null).resolve(StrataConfiguration.builder(keys, values)
        .storeType(StoreType.REDIS)
        .redisUri(RedisServer.sharedUri())
        .keyPrefix(prefix)
        .build());
  }

  /** A cache manager named {@code name} whose caches go to Redis at {@code redisUri}. */
  public static CacheManager manager(String redisUri, String name) {
    Properties properties = new Properties();
    properties.setProperty(Setting.REDIS_URI.property(), redisUri);
    return Caching.getCachingProvider().getCacheManager(URI.create(name), RedisTesting.class.getClassLoader(),
        properties);
  }

  /** A raw Lettuce connection to the shared test server, for looking under the hood. */
  public static StatefulRedisConnection<byte[], byte[]> rawConnection(RedisClient client) {
    return client.connect(ByteArrayCodec.INSTANCE, RedisURI.create(RedisServer.sharedUri()));
  }
}
