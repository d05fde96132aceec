package org.stratacache.jcache.internal.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Serializable;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.Factory;
import javax.cache.configuration.MutableCacheEntryListenerConfiguration;
import javax.cache.event.CacheEntryCreatedListener;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.CacheEntryListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.stratacache.jcache.configuration.SerializationSettings;
import org.stratacache.jcache.configuration.StrataConfiguration;
import org.stratacache.testing.redis.RedisServer;

/**
 * A message from Redis that takes seconds to decode (a set whose element hashes slowly and ignores
 * interrupts, as a hash-code bomb does), sent as an event and as a near-cache invalidation: later
 * messages still arrive, the slow one is decoded on a {@code strata-events} thread rather than a
 * Lettuce I/O thread, and closing the receiving manager returns within 5 s.
 */
class SlowInboundIT {

  private static final long SLOW_MILLIS = 8_000;
  private static volatile Thread owner;
  private static volatile CountDownLatch started = new CountDownLatch(1);
  private static volatile String decodedOn;

  private final RedisServer server = RedisServer.start();
  private final CacheManager writer = manager("writer");
  private final CacheManager reader = manager("reader");

  private CacheManager manager(String name) {
    return Caching.getCachingProvider().getCacheManager(URI.create("test:slow-inbound-" + name + "-" + server.port()),
        getClass().getClassLoader());
  }

  @AfterEach
  void close() {
    writer.close();
    reader.close();
    server.close();
  }

  /** Hashes at once on the test's thread, and slowly, ignoring interrupts, anywhere else. */
  public static final class SlowHash implements Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public int hashCode() {
      if (Thread.currentThread() != owner) {
        decodedOn = Thread.currentThread().getName();
        started.countDown();
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SLOW_MILLIS);
        while (System.nanoTime() < end) {
          try {
            Thread.sleep(50);
          } catch (InterruptedException ignored) {
            // a hash-code bomb does not stop either
          }
        }
      }
      return 1;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof SlowHash;
    }
  }

  private static Set<SlowHash> slowSet() {
    owner = Thread.currentThread();
    started = new CountDownLatch(1);
    Set<SlowHash> set = new HashSet<>();
    set.add(new SlowHash());
    return set;
  }

  private <K> StrataConfiguration.Builder<K, Object> shared(Class<K> keyType) {
    return StrataConfiguration.builder(keyType, Object.class).redisUri(server.uri())
        .serialization(SerializationSettings.none().allowPackage(getClass().getPackageName()))
        .redisTimeout(Duration.ofSeconds(2));
  }

  /** Records the keys it hears. */
  private static final class Keys implements CacheEntryCreatedListener<String, Object> {
    final BlockingQueue<String> heard = new LinkedBlockingQueue<>();

    @Override
    public void onCreated(Iterable<CacheEntryEvent<? extends String, ? extends Object>> events) {
      events.forEach(event -> heard.add(event.getKey()));
    }
  }

  /** Makes the slow write, waits until the reader decodes it, then writes k0 to k4. */
  private static void slowThenFive(Runnable slowWrite, Consumer<String> write) throws InterruptedException {
    slowWrite.run();
    assertThat(started.await(10, TimeUnit.SECONDS)).as("the slow message is being decoded").isTrue();
    for (int i = 0; i < 5; i++) {
      write.accept("k" + i);
    }
  }

  private static long closing(CacheManager manager) {
    long start = System.nanoTime();
    manager.close();
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
  }

  @Test
  void aSlowEventHoldsUpNeitherLaterEventsNorClose() throws Exception {
    Cache<String, Object> sender = writer.createCache("events", shared(String.class).remoteEvents(true).build());
    Keys keys = new Keys();
    Factory<CacheEntryListener<? super String, ? super Object>> factory = () -> keys;
    Cache<String, Object> receiver = reader.createCache("events", shared(String.class).remoteEvents(true).build());
    receiver.registerCacheEntryListener(new MutableCacheEntryListenerConfiguration<>(factory, null, false, false));

    slowThenFive(() -> sender.put("slow", slowSet()), key -> sender.put(key, "v"));
    int later = 0;
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
    while (later < 5 && System.nanoTime() < end) {
      String key = keys.heard.poll(100, TimeUnit.MILLISECONDS);
      if (key != null && key.startsWith("k")) {
        later++;
      }
    }
    long closeMillis = closing(reader);
    System.out.printf("[inbound] slow event decoded on %s; %d of 5 later events heard within 3 s; reader closed in "
        + "%d ms%n", decodedOn, later, closeMillis);
    assertThat(decodedOn).startsWith("strata-events-");
    assertThat(later).as("events of other keys, queued apart from the slow one").isGreaterThanOrEqualTo(3);
    assertThat(closeMillis).isLessThan(5_000);
  }

  @Test
  void aSlowInvalidationHoldsUpNeitherLaterInvalidationsNorClose() throws Exception {
    Cache<Object, Object> sender = writer.createCache("near", shared(Object.class).build());
    Cache<Object, Object> near = reader.createCache("near", shared(Object.class).nearCacheMaximumSize(100).build());
    for (int i = 0; i < 5; i++) {
      sender.put("k" + i, "v1");
      assertThat(near.get("k" + i)).isEqualTo("v1");  // held in the near cache from now on
    }

    slowThenFive(() -> sender.put(slowSet(), "bomb"), key -> sender.put(key, "v2"));
    int fresh = 0;
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
    while (fresh < 5 && System.nanoTime() < end) {
      Thread.sleep(20);
      fresh = 0;
      for (int i = 0; i < 5; i++) {
        fresh += "v2".equals(near.get("k" + i)) ? 1 : 0;
      }
    }
    long closeMillis = closing(reader);
    System.out.printf("[inbound] slow invalidation decoded on %s; near cache saw %d of 5 later writes within 3 s; "
        + "reader closed in %d ms%n", decodedOn, fresh, closeMillis);
    assertThat(decodedOn).startsWith("strata-events-");
    assertThat(fresh).as("invalidations of other keys, queued apart from the slow one").isGreaterThanOrEqualTo(3);
    assertThat(closeMillis).isLessThan(5_000);
  }
}
