package org.stratacache.jcache.internal.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.event.CacheEntryEventFilter;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.stratacache.jcache.configuration.ResiliencePolicy;
import org.stratacache.jcache.configuration.StoreType;
import org.stratacache.jcache.configuration.StrataConfiguration;
import org.stratacache.jcache.testing.ExpectedWarnings;
import org.stratacache.testing.redis.RedisServer;

/**
 * Events across JVMs on a real Redis of this test's own: two cache managers, each with its own
 * Lettuce client, stand in for two JVMs.
 */
@ExpectedWarnings("starts caches while Redis is down and restarts it")
class RemoteEventsIT {

  private final RedisServer server = RedisServer.start();
  private final CacheManager jvmA = manager("a");
  private final CacheManager jvmB = manager("b");

  private CacheManager manager(String name) {
    return Caching.getCachingProvider().getCacheManager(URI.create("test:remote-events-" + name + "-"
        + server.port()), getClass().getClassLoader());
  }

  @AfterEach
  void close() {
    jvmA.close();
    jvmB.close();
    server.close();
  }

  private StrataConfiguration.Builder<String, String> shared(String prefix) {
    return StrataConfiguration.builder(String.class, String.class).redisUri(server.uri()).keyPrefix(prefix)
        .remoteEvents(true).redisTimeout(java.time.Duration.ofSeconds(1));
  }

  @Test
  void writesInOneJvmAreHeardInTheOtherWithTheirValues() throws Exception {
    Cache<String, String> writer = jvmA.createCache("orders", shared("strata").build());
    Heard withOld = new Heard();
    Heard withoutOld = new Heard();
    Cache<String, String> reader = jvmB.createCache("orders", shared("strata").build());
    reader.registerCacheEntryListener(withOld.configuration(null, true));
    reader.registerCacheEntryListener(withoutOld.configuration(null, false));

    writer.put("k", "v1");
    writer.put("k", "v2");
    writer.getAndReplace("k", "v3");
    writer.invoke("k", (entry, arguments) -> {
      entry.setValue(entry.getValue() + "!");
      return null;
    });
    writer.remove("k");
    writer.putIfAbsent("j", "w");
    writer.removeAll(Set.of("j"));

    List<String> heardWithOld = withOld.take(7);
    assertThat(ofKey("k", heardWithOld)).as("in order per key").containsExactly("CREATED k=v1",
        "UPDATED k=v2 old=v1", "UPDATED k=v3 old=v2", "UPDATED k=v3! old=v3", "REMOVED k=v3! old=v3!");
    assertThat(ofKey("j", heardWithOld)).containsExactly("CREATED j=w", "REMOVED j=w old=w");
    List<String> heardWithoutOld = withoutOld.take(7);
    assertThat(ofKey("k", heardWithoutOld)).containsExactly("CREATED k=v1", "UPDATED k=v2", "UPDATED k=v3",
        "UPDATED k=v3!", "REMOVED k=null");
    assertThat(ofKey("j", heardWithoutOld)).containsExactly("CREATED j=w", "REMOVED j=null");
  }

  private static List<String> ofKey(String key, List<String> events) {
    return events.stream().filter(event -> event.split(" ")[1].startsWith(key + "=")).toList();
  }

  @Test
  void expirationsReportedByRedisAreHeardWithoutValues() throws Exception {
    Cache<String, String> writer = jvmA.createCache("sessions", shared("strata")
        .expiryPolicyFactory(CreatedExpiryPolicy.factoryOf(new Duration(TimeUnit.MILLISECONDS, 50))).build());
    Heard heard = new Heard();
    Cache<String, String> reader = jvmB.createCache("sessions", shared("strata").build());
    reader.registerCacheEntryListener(heard.configuration(null, true));

    writer.put("s", "token");

    assertThat(heard.next()).isEqualTo("CREATED s=token");
    assertThat(heard.next()).as("an expiry has no value to tell").isEqualTo("EXPIRED s=null");
  }

  @Test
  void filtersChooseAmongRemoteEvents() throws Exception {
    Cache<String, String> writer = jvmA.createCache("filtered", shared("strata").build());
    Heard heard = new Heard();
    CacheEntryEventFilter<String, String> onlyA = event -> event.getValue().startsWith("a");
    jvmB.createCache("filtered", shared("strata").build()).registerCacheEntryListener(heard.configuration(onlyA,
        false));

    writer.put("k", "a1");
    writer.put("k", "b1");
    writer.put("k", "a2");

    // events of one key arrive in order: by the time a2 is heard, b1 went through the filter
    assertThat(heard.until("UPDATED k=a2")).containsExactly("CREATED k=a1", "UPDATED k=a2");
  }

  @Test
  void aCacheDoesNotHearItsOwnWritesTwice() throws Exception {
    Heard local = new Heard();
    Cache<String, String> cache = jvmA.createCache("own", shared("strata").build());
    cache.registerCacheEntryListener(local.configuration(null, false));
    Cache<String, String> other = jvmB.createCache("own", shared("strata").build());

    cache.put("k", "mine");
    assertThat(cache.get("k")).isEqualTo("mine");  // the PUBLISH sent before this GET has reached Redis
    other.put("k", "theirs");

    // an echo of the own write would arrive before the other JVM's, and events of one key keep their order
    assertThat(local.until("UPDATED k=theirs")).containsExactly("CREATED k=mine", "UPDATED k=theirs");
  }

  @Test
  void otherCachesAndPrefixesAreNeverHeard() throws Exception {
    Heard heard = new Heard();
    jvmB.createCache("x", shared("strata").build()).registerCacheEntryListener(heard.configuration(null, false));
    Cache<String, String> y = jvmA.createCache("y", shared("strata").build());
    Cache<String, String> x = jvmA.createCache("x", shared("strata").build());
    try (CacheManager jvmC = manager("c")) {
      Cache<String, String> otherPrefix = jvmC.createCache("x", shared("other").build());

      y.put("k", "from y");
      otherPrefix.put("k", "from other:x");
      assertThat(otherPrefix.get("k")).isEqualTo("from other:x");  // both PUBLISHes reached Redis
      assertThat(y.get("k")).isEqualTo("from y");
      x.put("k", "from x");

      assertThat(heard.until("CREATED k=from x")).containsExactly("CREATED k=from x");
    }
  }

  @Test
  void eventsResumeAfterRedisRestarts() throws Exception {
    Cache<String, String> writer = jvmA.createCache("restarts", shared("strata")
        .expiryPolicyFactory(CreatedExpiryPolicy.factoryOf(new Duration(TimeUnit.MILLISECONDS, 200))).build());
    Heard heard = new Heard();
    jvmB.createCache("restarts", shared("strata").build()).registerCacheEntryListener(heard.configuration(null,
        false));
    writer.put("before", "1");
    assertThat(heard.next()).isEqualTo("CREATED before=1");
    assertThat(heard.next()).isEqualTo("EXPIRED before=null");

    server.restart();  // forgets the notify-keyspace-events set at runtime, and every subscription

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    String first = null;
    for (int i = 0; first == null; i++) {
      assertThat(System.nanoTime()).as("no event heard 15 s after the restart").isLessThan(deadline);
      try {
        writer.put("after" + i, "2");
      } catch (CacheException reconnecting) {
        Thread.sleep(20);
        continue;
      }
      first = heard.rest().stream().filter(event -> event.startsWith("CREATED after")).findFirst().orElse(null);
      Thread.sleep(20);
    }
    writer.put("last", "3");
    List<String> resumed = heard.until("CREATED last=3");
    assertThat(resumed).isNotEmpty();
    assertThat(heard.until("EXPIRED last=null")).as("expirations are on again").isNotEmpty();
  }

  @Test
  void cachesCreatedWhileRedisIsAwayShareTheirEventsOnceItAnswers() throws Exception {
    server.stop();
    StrataConfiguration<String, String> tolerant = shared("strata").resiliencePolicy(ResiliencePolicy.LOCAL_FALLBACK)
        .redisTimeout(java.time.Duration.ofMillis(300)).build();
    Cache<String, String> writer = jvmA.createCache("late", tolerant);
    Heard heard = new Heard();
    jvmB.createCache("late", tolerant).registerCacheEntryListener(heard.configuration(null, false));

    server.restart();

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    for (int i = 0; heard.rest().stream().noneMatch(event -> event.startsWith("CREATED late")); i++) {
      assertThat(System.nanoTime()).as("no event heard 15 s after Redis came").isLessThan(deadline);
      writer.put("late" + i, "1");
      Thread.sleep(50);
    }
  }

  @Test
  void aSecondJvmIsHeard() throws Exception {
    Heard heard = new Heard();
    jvmB.createCache("jvms", shared("strata").build()).registerCacheEntryListener(heard.configuration(null, true));
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), RemoteWriter.class.getName(), server.uri(), "jvms")
        .redirectErrorStream(true).start();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).as(output).isZero();

    assertThat(heard.take(3)).containsExactly("CREATED k=from another JVM", "UPDATED k=again old=from another JVM",
        "REMOVED k=again old=again");
  }

  @Test
  void remoteEventsNeedTheRedisStore() {
    assertThatThrownBy(() -> jvmA.createCache("memory", StrataConfiguration.builder(String.class, String.class)
        .storeType(StoreType.MEMORY).remoteEvents(true).build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("remote-events")
        .hasMessageContaining("'memory'");
  }
}
