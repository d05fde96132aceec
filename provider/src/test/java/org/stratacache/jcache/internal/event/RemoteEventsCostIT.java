package org.stratacache.jcache.internal.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.net.URI;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.stratacache.jcache.configuration.StrataConfiguration;
import org.stratacache.testing.redis.RedisServer;

/**
 * What sharing events costs a writer: the commands it sends (checked) and the time of a put with
 * remote-events off and on (printed, never asserted: the machine is shared).
 */
class RemoteEventsCostIT {

  private static final int WARM_UP = 5_000;
  private static final int PUTS = 20_000;

  private final RedisServer server = RedisServer.start();
  private final CacheManager writerJvm = manager("writer");
  private final CacheManager listenerJvm = manager("listener");

  private CacheManager manager(String name) {
    return Caching.getCachingProvider().getCacheManager(URI.create("test:remote-cost-" + name + "-"
        + server.port()), getClass().getClassLoader());
  }

  @AfterEach
  void close() {
    writerJvm.close();
    listenerJvm.close();
    server.close();
  }

  private Cache<String, String> cache(CacheManager manager, String name, boolean remoteEvents) {
    return manager.createCache(name, StrataConfiguration.builder(String.class, String.class).redisUri(server.uri())
        .remoteEvents(remoteEvents).build());
  }

  private long calls(String command) {
    RedisClient client = RedisClient.create(server.uri());
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      String prefix = "cmdstat_" + command + ":calls=";
      for (String line : connection.sync().info("commandstats").split("\r?\n")) {
        if (line.startsWith(prefix)) {
          return Long.parseLong(line.substring(prefix.length(), line.indexOf(',')));
        }
      }
      return 0;
    } finally {
      client.shutdown(0, 1, TimeUnit.SECONDS);
    }
  }

  private static long[] timePuts(Cache<String, String> cache, String value) {
    return time(cache, value, false);
  }

  private static long[] time(Cache<String, String> cache, String value, boolean getAndPut) {
    for (int i = 0; i < WARM_UP; i++) {
      cache.put("warm" + (i % 100), value);
    }
    long[] nanos = new long[PUTS];
    for (int i = 0; i < PUTS; i++) {
      long start = System.nanoTime();
      if (getAndPut) {
        cache.getAndPut("k" + (i % 100), value);
      } else {
        cache.put("k" + (i % 100), value);
      }
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    return nanos;
  }

  private static String summary(long[] sorted) {
    return String.format("median %.1f us, p99 %.1f us", sorted[sorted.length / 2] / 1e3,
        sorted[(int) (sorted.length * 0.99)] / 1e3);
  }

  @Test
  void withRemoteEventsOffAWriteSendsNothingMoreAndOnItSendsOnePublish() throws Exception {
    String value = "x".repeat(200);
    Cache<String, String> off = cache(writerJvm, "off", false);
    long[] offNanos = timePuts(off, value);
    assertThat(calls("publish")).as("no PUBLISH with remote-events off").isZero();

    long[] aloneNanos = timePuts(cache(writerJvm, "alone", true), value);
    assertThat(calls("publish")).as("one PUBLISH per write").isEqualTo(WARM_UP + PUTS);

    Cache<String, String> on = cache(writerJvm, "on", true);
    Heard heard = new Heard();
    cache(listenerJvm, "on", true).registerCacheEntryListener(heard.configuration(null, false));
    long[] onNanos = timePuts(on, value);
    assertThat(calls("publish")).as("one PUBLISH per write").isEqualTo(2 * (WARM_UP + PUTS));
    assertThat(heard.take(WARM_UP + PUTS)).as("every event heard on a quiet loopback").hasSize(WARM_UP + PUTS);

    long[] offAgain = timePuts(off, value);
    long[] previous = time(off, value, true);
    System.out.printf("[remote-events] put of a 200-char string, %d puts, one thread: off %s; on, nobody else "
        + "listening %s; on, another manager listening in this JVM %s; off again %s; off, getAndPut (reads "
        + "the previous value as remote-events does) %s%n", PUTS, summary(offNanos), summary(aloneNanos),
        summary(onNanos), summary(offAgain), summary(previous));
  }
}
