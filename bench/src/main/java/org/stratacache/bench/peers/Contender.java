package org.stratacache.bench.peers;

import java.util.Properties;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.Configuration;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.spi.CachingProvider;
import org.redisson.config.Config;
import org.redisson.jcache.configuration.RedissonConfiguration;
import org.stratacache.jcache.configuration.StrataConfiguration;
import org.stratacache.jcache.spi.StrataCachingProvider;
import org.stratacache.testing.redis.RedisServer;

/**
 * Every contender of the peers benchmark, each provider selected by its class name (several are
 * on the class path, so the default provider would be ambiguous). The names are JMH parameter
 * values and the report's column names.
 */
public enum Contender {
  /** Strata in memory, store-by-value (the JSR-107 default). */
  STRATA_MEMORY_VALUE(Kind.MEMORY),
  /** Strata in memory, store-by-reference. */
  STRATA_MEMORY_REFERENCE(Kind.MEMORY),
  /** Caffeine's JCache adapter, store-by-value. */
  CAFFEINE_VALUE(Kind.MEMORY),
  /** Caffeine's JCache adapter, store-by-reference. */
  CAFFEINE_REFERENCE(Kind.MEMORY),
  /** Ehcache 3 through its JSR-107 provider, store-by-value. */
  EHCACHE_VALUE(Kind.MEMORY),
  /** Strata on Redis. */
  STRATA_REDIS(Kind.REDIS),
  /** Redisson's JCache on the same Redis. */
  REDISSON(Kind.REDIS),
  /** Raw Lettuce on one connection: the floor of every Redis-backed contender. */
  LETTUCE(Kind.REDIS);

  /** Where the contender keeps its entries. */
  public enum Kind { MEMORY, REDIS }

  static final String STRATA = StrataCachingProvider.class.getName();
  static final String CAFFEINE = "com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider";
  static final String EHCACHE = "org.ehcache.jsr107.EhcacheCachingProvider";
  static final String REDISSON_PROVIDER = "org.redisson.jcache.JCachingProvider";
  private static final String PREFIX = "bench";

  private final Kind kind;

  Contender(Kind kind) {
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  /** Opens this contender's caches named after {@code name}, on the benchmarks' shared Redis where it needs one. */
  CacheOps open(String name, String value) {
    return open(name, kind() == Kind.REDIS ? RedisServer.sharedUri() : null, value);
  }

  /**
   * Opens this contender's caches named after {@code name}.
   *
   * @param redisUri the Redis for the Redis-backed contenders (ignored by the others)
   * @param value    the value the benchmark writes (the floor writes the bytes Strata stores for it)
   */
  CacheOps open(String name, String redisUri, String value) {
    switch (this) {
      case STRATA_MEMORY_VALUE:
        return jcache(STRATA, name, byValue(true), null);
      case STRATA_MEMORY_REFERENCE:
        return jcache(STRATA, name, byValue(false), null);
      case CAFFEINE_VALUE:
        return jcache(CAFFEINE, name, byValue(true), null);
      case CAFFEINE_REFERENCE:
        return jcache(CAFFEINE, name, byValue(false), null);
      case EHCACHE_VALUE:
        return jcache(EHCACHE, name, byValue(true), null);
      case STRATA_REDIS:
        return jcache(STRATA, name, new Strata(redisUri), null);
      case REDISSON:
        return jcache(REDISSON_PROVIDER, name, new Redisson(redisUri), null);
      case LETTUCE:
        return new LettuceOps(redisUri, PREFIX + ":raw-" + name + ":", strataBytes(name, redisUri, value));
      default:
        throw new IllegalStateException("No set-up for contender " + this);
    }
  }

  /** The bytes Strata stores for the benchmark's value, so that the floor moves the same bytes. */
  private static byte[] strataBytes(String name, String redisUri, String value) {
    try (CacheOps strata = STRATA_REDIS.open(name + "-floor", redisUri, value);
         LettuceOps reader = new LettuceOps(redisUri, PREFIX + ":" + name + "-floor:", new byte[0])) {
      strata.put("sample", value);
      byte[] bytes = reader.read("sample");
      strata.clear();
      if (bytes == null) {
        throw new IllegalStateException("Strata stored no bytes under " + PREFIX + ":" + name + "-floor:sample");
      }
      return bytes;
    }
  }

  private static Configurations byValue(boolean storeByValue) {
    return new Configurations() {
      @Override
      public <V> Configuration<String, V> of(Class<V> valueType) {
        return new MutableConfiguration<String, V>().setTypes(String.class, valueType).setStoreByValue(storeByValue);
      }
    };
  }

  private static CacheOps jcache(String providerClass, String name, Configurations configurations,
                                 AutoCloseable extra) {
    CachingProvider provider = Caching.getCachingProvider(providerClass);
    // the default URI: Ehcache reads any other URI as the location of an XML configuration
    CacheManager manager = provider.getCacheManager(provider.getDefaultURI(), Contender.class.getClassLoader(),
        new Properties());
    Cache<String, String> cache = manager.createCache(name, configurations.of(String.class));
    Cache<String, Long> counters = manager.createCache(name + "-counters", configurations.of(Long.class));
    return new JCacheOps(manager, cache, counters, extra);
  }

  /** The configuration of a contender's caches, for a value type. */
  private interface Configurations {
    <V> Configuration<String, V> of(Class<V> valueType);
  }

  /** Strata on Redis, under the {@code bench} key prefix. */
  private static final class Strata implements Configurations {
    private final String uri;

    Strata(String uri) {
      this.uri = uri;
    }

    @Override
    public <V> Configuration<String, V> of(Class<V> valueType) {
      return StrataConfiguration.builder(String.class, valueType).redisUri(uri).keyPrefix(PREFIX).build();
    }
  }

  /** Redisson's JCache with its default codec on the same Redis. */
  private static final class Redisson implements Configurations {
    private final String uri;

    Redisson(String uri) {
      this.uri = uri;
    }

    @Override
    public <V> Configuration<String, V> of(Class<V> valueType) {
      Config config = new Config();
      config.useSingleServer().setAddress(uri).setConnectionMinimumIdleSize(4);
      return RedissonConfiguration.fromConfig(config, new MutableConfiguration<String, V>().setTypes(String.class,
          valueType));
    }
  }
}
