package org.stratacache.jcache.internal.config;

import org.stratacache.jcache.configuration.RedisSettings;
import org.stratacache.jcache.configuration.SerializationFormat;
import org.stratacache.jcache.configuration.Setting;
import org.stratacache.jcache.configuration.StoreType;
import org.stratacache.jcache.configuration.StrataConfiguration;
import org.stratacache.jcache.internal.store.redis.RedisEndpoint;

/**
 * The rules between settings of a resolved configuration that no single setting's range expresses:
 * what the Redis store, Redis Cluster, TLS and remote events need of one another, and that an
 * application's serializer replaces, so cannot be combined with, a serialization format.
 */
final class CrossFieldRules {

  private CrossFieldRules() {
  }

  /**
   * Checks {@code resolved}.
   *
   * @throws IllegalArgumentException naming the cache and the settings that do not fit together
   * @throws UnsupportedOperationException when the store cannot do what the cache asks
   */
  static void check(String cacheName, StrataConfiguration<?, ?> resolved) {
    Class<?> serializer = resolved.getSerialization().serializer();
    SerializationFormat format = (SerializationFormat) Setting.SERIALIZATION_FORMAT.configuredIn(resolved);
    if (serializer != null && format != null) {
      throw new IllegalArgumentException("Invalid configuration for cache '" + cacheName
          + "': serialization.serializer " + serializer.getName() + " and serialization.format " + format.key()
          + " contradict each other: the serializer replaces the format; remove serialization.format");
    }
    boolean redis = resolved.getStoreType() == StoreType.REDIS;
    RedisSettings settings = resolved.getRedis();
    if (resolved.getEvents().isRemote() && !redis) {
      throw new IllegalArgumentException("Invalid configuration for cache '" + cacheName + "': remote-events needs "
          + "the Redis store (this cache is in memory)");
    }
    if (!redis) {
      return;
    }
    RedisEndpoint endpoint = RedisEndpoint.parse(settings);
    try {
      endpoint.checkTls();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Invalid configuration for cache '" + cacheName + "': " + e.getMessage(), e);
    }
    if (resolved.getMemory().getMaximumSize() > 0 && !settings.isSizeIndex()) {
      throw new IllegalArgumentException("Invalid configuration for cache '" + cacheName + "': maximum-size "
          + resolved.getMemory().getMaximumSize() + " needs the cache's size index in Redis, which "
          + "redis-size-index: false turns off: remove one of the two settings");
    }
    if (!resolved.isStoreByValue()) {
      throw new UnsupportedOperationException("Cache '" + cacheName + "' asks for store-by-reference, which the "
          + "Redis store cannot do (values are serialized): use store-by-value, or storeType(MEMORY)");
    }
  }
}
