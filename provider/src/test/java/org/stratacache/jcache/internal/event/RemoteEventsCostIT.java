package org.stratacache.jcache.internal.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.stratacache.jcache.configuration.SerializationSettings;
import org.stratacache.jcache.configuration.StrataConfiguration;
import org.stratacache.testing.redis.RedisServer;

/**
 * What sharing events costs a writer: the commands it sends and the encodings it makes (checked),
 * and the time of a put with remote-events off and on (printed, never asserted: the machine is shared).
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

  /** A value that counts how often it is serialized. */
  static final class Counted implements Serializable {

    static final AtomicInteger ENCODINGS = new AtomicInteger();
    private static final long serialVersionUID = 1L;

    String text;

    Counted(String text) {
      this.text = text;
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
      ENCODINGS.incrementAndGet();
      out.defaultWriteObject();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Counted counted && Objects.equals(text, counted.text);
    }

    @Override
    public int hashCode() {
      return Objects.hashCode(text);
    }

    @Override
    public String toString() {
      return text;
    }
  }

  private Cache<String, Counted> countedCache(CacheManager manager, String name, boolean remoteEvents) {
    return manager.createCache(name, StrataConfiguration.builder(String.class, Counted.class).redisUri(server.uri())
        .serialization(SerializationSettings.none().allowClass(Counted.class)).remoteEvents(remoteEvents).build());
  }

  /** Every kind of write, each heard as one event; returns the encodings they took. */
  private static int writes(Cache<String, Counted> cache) {
    int before = Counted.ENCODINGS.get();
    cache.put("a", new Counted("a1"));
    cache.put("a", new Counted("a2"));
    cache.getAndPut("a", new Counted("a3"));
    cache.replace("a", new Counted("a4"));
    cache.replace("a", new Counted("a4"), new Counted("a5"));
    cache.putIfAbsent("b", new Counted("b1"));
    Map<String, Counted> more = new LinkedHashMap<>();
    more.put("c", new Counted("c1"));
    more.put("d", new Counted("d1"));
    cache.putAll(more);
    cache.invoke("a", (entry, arguments) -> {
      entry.setValue(new Counted(entry.getValue().text + "!"));
      return null;
    });
    cache.remove("b", new Counted("b1"));
    cache.getAndRemove("c");
    cache.remove("a");
    cache.removeAll(Set.of("d"));
    return Counted.ENCODINGS.get() - before;
  }

  private static List<String> ofKey(String key, List<String> heard) {
    return heard.stream().filter(event -> event.split(" ")[1].startsWith(key + "=")).toList();
  }

  /**
   * With remote-events on, a write encodes its value once: the event carries the bytes the store
   * wrote, and the previous value's bytes as Redis returned them. Counted by the value class itself:
   * its Java serialization hook ({@code writeObject}) runs once per encoding, whoever encodes.
   */
  @Test
  void aWriteWithRemoteEventsOnEncodesEachValueOnce() throws Exception {
    int off = writes(countedCache(writerJvm, "off", false));
    assertThat(off).as("one encoding per value written, plus the expected value of each compare").isEqualTo(11);

    Heard heard = new Heard();
    Cache<String, Counted> on = countedCache(writerJvm, "on", true);
    countedCache(listenerJvm, "on", true).registerCacheEntryListener(heard.configuration(Counted.class));
    assertThat(writes(on)).as("encodings of the same writes with remote-events on").isEqualTo(off);

    List<String> events = heard.take(13);
    assertThat(ofKey("a", events)).as("the other JVM heard the values the writes stored").containsExactly(
        "CREATED a=a1", "UPDATED a=a2 old=a1", "UPDATED a=a3 old=a2", "UPDATED a=a4 old=a3", "UPDATED a=a5 old=a4",
        "UPDATED a=a5! old=a5", "REMOVED a=a5! old=a5!");
    assertThat(ofKey("b", events)).containsExactly("CREATED b=b1", "REMOVED b=b1 old=b1");
    assertThat(ofKey("c", events)).containsExactly("CREATED c=c1", "REMOVED c=c1 old=c1");
    assertThat(ofKey("d", events)).containsExactly("CREATED d=d1", "REMOVED d=d1 old=d1");
  }

  @Test
  void anObjectChangedAndWrittenAgainIsHeardWithItsChange() throws Exception {
    Heard heard = new Heard();
    Cache<String, Counted> on = countedCache(writerJvm, "changed", true);
    countedCache(listenerJvm, "changed", true).registerCacheEntryListener(heard.configuration(Counted.class));
    Counted value = new Counted("first");
    on.put("k", value);
    on.putIfAbsent("k", value);  // refused: no event, and nothing kept for one
    value.text = "second";
    on.put("k", value);
    value.text = "third";
    on.replace("k", value);

    assertThat(heard.take(3)).containsExactly("CREATED k=first", "UPDATED k=second old=first",
        "UPDATED k=third old=second");
  }
}
