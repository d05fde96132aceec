package org.stratacache.jcache.internal.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.stratacache.jcache.configuration.ResiliencePolicy;
import org.stratacache.jcache.configuration.StrataConfiguration;
import org.stratacache.jcache.internal.event.Heard;
import org.stratacache.jcache.store.StoreSecurityException;
import org.stratacache.jcache.testing.ExpectedWarnings;
import org.stratacache.testing.redis.RedisServer;

/** Remote events for an ACL user limited to one cache: the rules the guide lists are enough, and needed. */
@ExpectedWarnings("runs with an ACL user that may not turn on keyspace notifications")
class RemoteEventsAclIT {

  /** What the guide adds to the store's minimal line for remote events (database 0). */
  static final String EVENT_RULES = "+publish +subscribe +psubscribe &strata:orders:events "
      + "&__keyspace@0__:strata:orders:*";

  private final RedisServer server = RedisServer.start("--notify-keyspace-events", "Kx");
  private final RedisClient adminClient = RedisClient.create();
  private final StatefulRedisConnection<String, String> admin = adminClient.connect(RedisURI.create(server.uri()));
  private final CacheManager jvmA = manager("a");
  private final CacheManager jvmB = manager("b");

  private CacheManager manager(String name) {
    return Caching.getCachingProvider().getCacheManager(URI.create("test:events-acl-" + name + "-" + server.port()),
        getClass().getClassLoader());
  }

  @AfterEach
  void close() {
    jvmA.close();
    jvmB.close();
    admin.close();
    adminClient.shutdown(0, 1, TimeUnit.SECONDS);
    server.close();
  }

  private void setUser(String user, String rules) {
    CommandArgs<String, String> args = new CommandArgs<>(StringCodec.UTF8).add("SETUSER").add(user);
    List.of(("on >secret ~strata:orders:* resetchannels -@all " + rules).split(" ")).forEach(args::add);
    assertThat(admin.sync().dispatch(CommandType.ACL, new StatusOutput<>(StringCodec.UTF8), args)).isEqualTo("OK");
  }

  private StrataConfiguration.Builder<String, String> as(String user) {
    return StrataConfiguration.builder(String.class, String.class).remoteEvents(true)
        .redisUri("redis://" + user + ":secret@127.0.0.1:" + server.port())
        .expiryPolicyFactory(CreatedExpiryPolicy.factoryOf(new Duration(TimeUnit.MILLISECONDS, 100)));
  }

  @Test
  void theDocumentedRulesAreEnoughToShareEventsAndHearExpirations() throws Exception {
    setUser("orders", RedisAclIT.MINIMAL_COMMANDS + " " + EVENT_RULES);
    Cache<String, String> writer = jvmA.createCache("orders", as("orders").build());
    Heard heard = new Heard();
    jvmB.createCache("orders", as("orders").build()).registerCacheEntryListener(heard.configuration(null, false));

    writer.put("k", "v");

    assertThat(heard.until("EXPIRED k=null")).containsExactly("CREATED k=v", "EXPIRED k=null");
  }

  @Test
  void aUserThatMayNotSubscribeFailsCreateCacheWhateverThePolicy() {
    setUser("mute", RedisAclIT.MINIMAL_COMMANDS);
    assertThatThrownBy(() -> jvmA.createCache("orders", as("mute").resiliencePolicy(ResiliencePolicy.LOCAL_FALLBACK)
        .build())).isInstanceOf(StoreSecurityException.class).hasMessageContaining("NOPERM")
        .hasMessageContaining("SUBSCRIBE");
  }
}
