package org.stratacache.jcache.internal.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.nio.charset.StandardCharsets;
import javax.cache.CacheManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stratacache.jcache.StrataCache;
import org.stratacache.jcache.configuration.StrataConfiguration;
import org.stratacache.testing.redis.RedisServer;

/** The size bound and size figures on a single Redis server. */
class RedisBoundIT extends RedisBoundContract {

  private static RawRedis raw;

  @BeforeAll
  static void connectRaw() {
    raw = RawRedis.shared();
  }

  @AfterAll
  static void disconnectRaw() {
    raw.close();
  }

  @Test
  void withoutItsSizeIndexACacheWritesNoIndexAndReportsNoSize() {
    try (CacheManager manager = RedisTesting.manager(RedisServer.sharedUri(), "test:no-index")) {
      String prefix = RedisTesting.uniquePrefix();
      StrataCache<String, String> cache = manager.createCache("plain", StrataConfiguration.builder(String.class,
          String.class).keyPrefix(prefix).redisSizeIndex(false).build()).unwrap(StrataCache.class);
      cache.put("k", "v");
      byte[] index = (prefix + ":plain:_size").getBytes(StandardCharsets.UTF_8);
      index[prefix.length() + 7] = (byte) 0xFF;
      assertThat(raw.sync().exists(index)).isZero();
      assertThat(cache.estimatedSize()).isEqualTo(-1);
      assertThatThrownBy(() -> manager.createCache("bounded", StrataConfiguration.builder(String.class,
          String.class).keyPrefix(prefix).redisSizeIndex(false).maximumSize(10).build()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("maximum-size 10").hasMessageContaining("redis-size-index: false");
    }
  }

  @Override
  protected String uri() {
    return RedisServer.sharedUri();
  }

  @Override
  protected RedisClusterCommands<byte[], byte[]> raw() {
    return raw.sync();
  }

  @Override
  protected boolean unboundedCachesCount() {
    return true;
  }
}
