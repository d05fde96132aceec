package org.stratacache.jcache.internal.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import org.junit.jupiter.api.Test;
import org.stratacache.jcache.configuration.StrataConfiguration;
import org.stratacache.jcache.testing.ExpectedWarnings;
import org.stratacache.testing.redis.RedisCluster;
import org.stratacache.testing.redis.RedisServer;

/**
 * Events across JVMs on a real three-master Redis Cluster: two cache managers, each with its own
 * Lettuce client, stand in for two JVMs. Writes are heard whichever master holds their key, and so
 * are the expirations each master reports for its own keys, also after a master is killed and its
 * replica promoted.
 */
@ExpectedWarnings("kills a cluster master")
class RedisClusterRemoteEventsIT {

  private static final java.time.Duration TIMEOUT = java.time.Duration.ofSeconds(1);

  private final String prefix = "ev-" + UUID.randomUUID().toString().substring(0, 8);

  private static CacheManager manager(String name, RedisCluster cluster) {
    return Caching.getCachingProvider().getCacheManager(URI.create("test:cluster-events-" + name + "-"
        + cluster.nodes().get(0).port()), RedisClusterRemoteEventsIT.class.getClassLoader());
  }

  private StrataConfiguration.Builder<String, String> shared(RedisCluster cluster) {
    return StrataConfiguration.builder(String.class, String.class).redisUri(cluster.uri()).keyPrefix(prefix)
        .remoteEvents(true).redisTimeout(TIMEOUT);
  }

  private StrataConfiguration<String, String> expiring(RedisCluster cluster, long millis) {
    return shared(cluster).expiryPolicyFactory(CreatedExpiryPolicy.factoryOf(new Duration(TimeUnit.MILLISECONDS,
        millis))).build();
  }

  /** One hash tag per master: keys {@code {tag}...} of cache {@code cache} live on that master. */
  private Map<Integer, String> tagPerMaster(RedisCluster cluster, String cache) {
    Map<Integer, String> tags = new LinkedHashMap<>();
    for (int i = 0; tags.size() < 3; i++) {
      String tag = "t" + i;
      int port = cluster.masterOf(redisKey(cache, "{" + tag + "}")).port();
      tags.putIfAbsent(port, tag);
    }
    return tags;
  }

  private byte[] redisKey(String cache, String key) {
    return (prefix + ":" + cache + ":" + key).getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void writesAndExpirationsOnEveryMasterAreHeard() throws Exception {
    try (RedisCluster cluster = RedisCluster.start(3);
         CacheManager jvmA = manager("a", cluster);
         CacheManager jvmB = manager("b", cluster)) {
      Cache<String, String> writer = jvmA.createCache("orders", shared(cluster).build());
      Heard heard = new Heard();
      jvmB.createCache("orders", shared(cluster).build()).registerCacheEntryListener(heard.configuration(null, true));
      List<String> keys = new ArrayList<>();
      tagPerMaster(cluster, "orders").values().forEach(tag -> keys.add("{" + tag + "}k"));

      for (String key : keys) {
        writer.put(key, "v1");
        writer.put(key, "v2");
        writer.remove(key);
      }

      List<String> events = heard.take(9);
      for (String key : keys) {
        assertThat(events.stream().filter(event -> event.split(" ")[1].startsWith(key + "=")))
            .as("events of %s, in order", key)
            .containsExactly("CREATED " + key + "=v1", "UPDATED " + key + "=v2 old=v1", "REMOVED " + key
                + "=v2 old=v2");
      }

      Cache<String, String> sessions = jvmA.createCache("sessions", expiring(cluster, 100));
      Heard expirations = new Heard();
      jvmB.createCache("sessions", shared(cluster).build()).registerCacheEntryListener(
          expirations.configuration(null, false));
      Set<String> expected = new HashSet<>();
      for (String tag : tagPerMaster(cluster, "sessions").values()) {
        sessions.put("{" + tag + "}s", "token");
        expected.add("CREATED {" + tag + "}s=token");
        expected.add("EXPIRED {" + tag + "}s=null");
      }
      assertThat(new HashSet<>(expirations.take(6))).as("each master reports its own expirations")
          .isEqualTo(expected);
    }
  }

  @Test
  void afterAFailoverThePromotedMastersEventsAreHeardWithoutRestart() throws Exception {
    try (RedisCluster cluster = RedisCluster.start(3, 1);
         CacheManager jvmA = manager("a", cluster);
         CacheManager jvmB = manager("b", cluster)) {
      Cache<String, String> writer = jvmA.createCache("sessions", expiring(cluster, 200));
      Heard heard = new Heard();
      jvmB.createCache("sessions", shared(cluster).build()).registerCacheEntryListener(heard.configuration(null,
          false));
      String tag = tagPerMaster(cluster, "sessions").values().iterator().next();
      writer.put("{" + tag + "}before", "1");
      assertThat(heard.take(2)).containsExactly("CREATED {" + tag + "}before=1", "EXPIRED {" + tag + "}before=null");

      byte[] victimKey = redisKey("sessions", "{" + tag + "}");
      RedisServer victim = cluster.masterOf(victimKey);
      cluster.kill(victim);
      long killed = System.nanoTime();
      cluster.awaitServed(victimKey, java.time.Duration.ofSeconds(30));
      long promoted = System.nanoTime();

      long deadline = killed + TimeUnit.SECONDS.toNanos(30);
      long created = 0;
      long expired = 0;
      for (int i = 0; expired == 0; i++) {
        assertThat(System.nanoTime()).as("no expiration heard 30 s after the kill (created heard: %s)", created > 0)
            .isLessThan(deadline);
        try {
          writer.put("{" + tag + "}after" + i, "2");
        } catch (CacheException failingOver) {
          // the writer's own client has not seen the promotion yet
        }
        Thread.sleep(50);
        for (String event : heard.rest()) {
          if (created == 0 && event.startsWith("CREATED {" + tag + "}after")) {
            created = System.nanoTime();
          }
          if (event.startsWith("EXPIRED {" + tag + "}after")) {
            expired = System.nanoTime();
          }
        }
      }
      System.out.printf("[cluster-events] master on port %d killed: replica promoted after %d ms; first remote "
              + "event of its keys heard %d ms and first expiration %d ms after the promotion (writer keeps "
              + "writing every 50 ms, entries live 200 ms)%n", victim.port(),
          TimeUnit.NANOSECONDS.toMillis(promoted - killed), TimeUnit.NANOSECONDS.toMillis(created - promoted),
          TimeUnit.NANOSECONDS.toMillis(expired - promoted));
      assertThat(created).as("creates on the promoted master are heard").isPositive();
    }
  }
}
