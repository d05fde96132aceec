package org.stratacache.jcache.internal.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import org.junit.jupiter.api.Test;
import org.stratacache.jcache.configuration.StrataConfiguration;
import org.stratacache.testing.redis.RedisServer;

/** A Redis whose {@code CONFIG} command is out of reach, as on many managed services. */
class RemoteEventsLockedConfigIT {

  private static final String[] NO_CONFIG = {"--rename-command", "CONFIG", "CONFIG-out-of-reach"};

  private static CacheManager manager(String name, RedisServer server) {
    return Caching.getCachingProvider().getCacheManager(URI.create("test:locked-" + name + "-" + server.port()),
        RemoteEventsLockedConfigIT.class.getClassLoader());
  }

  private static StrataConfiguration.Builder<String, String> shared(RedisServer server) {
    return StrataConfiguration.builder(String.class, String.class).redisUri(server.uri()).remoteEvents(true)
        .expiryPolicyFactory(CreatedExpiryPolicy.factoryOf(new Duration(TimeUnit.MILLISECONDS, 100)));
  }

  @Test
  void writesAreStillSharedWhenNotificationsCannotBeTurnedOn() throws Exception {
    try (RedisServer server = RedisServer.start(NO_CONFIG);
         CacheManager writerJvm = manager("a", server);
         CacheManager listenerJvm = manager("b", server)) {
      Cache<String, String> writer = writerJvm.createCache("c", shared(server).build());
      Heard heard = new Heard();
      listenerJvm.createCache("c", shared(server).build()).registerCacheEntryListener(heard.configuration(null,
          false));

      writer.put("k", "v");
      assertThat(heard.next()).isEqualTo("CREATED k=v");
    }
  }

  @Test
  void notificationsConfiguredInRedisItselfAreUsed() throws Exception {
    String[] arguments = {NO_CONFIG[0], NO_CONFIG[1], NO_CONFIG[2], "--notify-keyspace-events", "Kx"};
    try (RedisServer server = RedisServer.start(arguments);
         CacheManager writerJvm = manager("c", server);
         CacheManager listenerJvm = manager("d", server)) {
      Cache<String, String> writer = writerJvm.createCache("c", shared(server).build());
      Heard heard = new Heard();
      listenerJvm.createCache("c", shared(server).build()).registerCacheEntryListener(heard.configuration(null,
          false));

      writer.put("k", "v");
      assertThat(heard.until("EXPIRED k=null")).containsExactly("CREATED k=v", "EXPIRED k=null");
    }
  }
}
