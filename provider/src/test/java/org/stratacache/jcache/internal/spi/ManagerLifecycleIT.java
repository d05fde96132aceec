package org.stratacache.jcache.internal.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.stratacache.jcache.configuration.StrataConfiguration;
import org.stratacache.jcache.internal.concurrent.ProviderThreads;
import org.stratacache.testing.redis.RedisServer;

/**
 * Creating caches while their manager closes, and creating caches that fail half-way, on a real
 * Redis: nothing stays open (caches, Redis connections, threads, MBeans).
 */
class ManagerLifecycleIT {

  private static final MBeanServer JMX = ManagementFactory.getPlatformMBeanServer();

  private final RedisServer server = RedisServer.start();
  private final RedisClient adminClient = RedisClient.create(server.uri());
  private final StatefulRedisConnection<String, String> admin = adminClient.connect();

  @AfterEach
  void close() {
    admin.close();
    adminClient.shutdown(0, 1, TimeUnit.SECONDS);
    server.close();
  }

  /** A cache with every per-cache Redis connection: the shared one, near-cache tracking and events. */
  private StrataConfiguration<String, String> everything(boolean statistics) {
    return StrataConfiguration.builder(String.class, String.class).redisUri(server.uri())
        .nearCacheMaximumSize(100).remoteEvents(true).statisticsEnabled(statistics)
        .redisTimeout(Duration.ofSeconds(2)).build();
  }

  private long clients() {
    return admin.sync().clientList().lines().filter(line -> !line.isBlank()).count();
  }

  private long awaitClients(long expected) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (clients() != expected && System.nanoTime() < end) {
      Thread.sleep(50);
    }
    return clients();
  }

  private static long awaitNamed(long expected) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (ProviderThreads.named() > expected && System.nanoTime() < end) {
      Thread.sleep(50);
    }
    return ProviderThreads.named();
  }

  @Test
  void createCacheRacingCloseLeavesNoCacheConnectionOrThreadBehind() throws Exception {
    long clientsBefore = clients();
    long namedBefore = ProviderThreads.named();
    ProviderThreads threads = ProviderThreads.baseline();
    int created = 0;
    int refused = 0;
    int openAfterClose = 0;
    for (int round = 0; round < 100; round++) {
      CacheManager manager = Caching.getCachingProvider().getCacheManager(
          URI.create("test:race-" + round + "-" + server.port()), getClass().getClassLoader());
      CountDownLatch go = new CountDownLatch(1);
      AtomicReference<Cache<String, String>> cache = new AtomicReference<>();
      AtomicReference<Throwable> failure = new AtomicReference<>();
      Thread creator = new Thread(() -> {
        try {
          go.await();
          cache.set(manager.createCache("raced", everything(false)));
        } catch (IllegalStateException closed) {
          // the manager closed first
        } catch (Throwable e) {
          failure.set(e);
        }
      });
      creator.start();
      go.countDown();
      Thread.sleep(ThreadLocalRandom.current().nextInt(3));
      manager.close();
      creator.join();
      assertThat(failure.get()).as("round %d", round).isNull();
      if (cache.get() == null) {
        refused++;
      } else {
        created++;
        if (!cache.get().isClosed()) {
          openAfterClose++;
        }
      }
    }
    long clientsAfter = awaitClients(clientsBefore);
    long namedAfter = awaitNamed(namedBefore);
    int liveAbove = threads.awaitLiveAbove(0, 10);
    System.out.printf("[lifecycle] 100 createCache racing close: %d created, %d refused, %d open after close; "
        + "Redis clients %d -> %d; strata-* threads %d -> %d; live threads %+d%n", created, refused, openAfterClose,
        clientsBefore, clientsAfter, namedBefore, namedAfter, liveAbove);
    assertThat(openAfterClose).isZero();
    assertThat(clientsAfter).isEqualTo(clientsBefore);
    assertThat(namedAfter).isLessThanOrEqualTo(namedBefore);
    assertThat(liveAbove).isLessThanOrEqualTo(0);
  }

  /** A bean of somebody else's. */
  public interface ProbeMBean {
    /** Anything. */
    int getValue();
  }

  /** The {@link ProbeMBean}. */
  public static final class Probe implements ProbeMBean {
    @Override
    public int getValue() {
      return 1;
    }
  }

  @Test
  void createCacheFailingAtJmxRegistrationClosesWhatItOpened() throws Exception {
    CacheManager manager = Caching.getCachingProvider().getCacheManager(
        URI.create("test:jmx-failures-" + server.port()), getClass().getClassLoader());
    try {
      manager.createCache("warm", everything(false));  // the shared connection and the pools' first threads
      String uri = manager.getURI().toString().replaceAll("[,:=\n]", ".");
      long beansBefore = JMX.queryNames(new ObjectName("javax.cache:*"), null).size();
      long clientsBefore = clients();
      long namedBefore = ProviderThreads.named();
      ProviderThreads threads = ProviderThreads.baseline();
      for (int round = 0; round < 30; round++) {
        String name = "taken-" + round;
        ObjectName taken = new ObjectName("javax.cache:type=CacheStatistics,CacheManager=" + uri + ",Cache=" + name);
        JMX.registerMBean(new Probe(), taken);
        try {
          assertThatThrownBy(() -> manager.createCache(name, everything(true)))
              .isInstanceOf(CacheException.class)
              .hasMessageContaining("Cannot register the CacheStatistics bean of cache '" + name + "'")
              .hasMessageContaining("already exists");
          assertThat(manager.getCache(name)).isNull();
        } finally {
          JMX.unregisterMBean(taken);
        }
      }
      long clientsAfter = awaitClients(clientsBefore);
      long beansAfter = JMX.queryNames(new ObjectName("javax.cache:*"), null).size();
      long namedAfter = ProviderThreads.named();
      System.out.printf("[lifecycle] 30 failing JMX registrations: Redis clients %d -> %d; javax.cache beans %d -> %d;"
          + " strata-* threads %d -> %d; %d threads started%n", clientsBefore, clientsAfter, beansBefore, beansAfter,
          namedBefore, namedAfter, threads.started());
      assertThat(clientsAfter).isEqualTo(clientsBefore);
      assertThat(beansAfter).isEqualTo(beansBefore);
      assertThat(namedAfter).isLessThanOrEqualTo(namedBefore + 1);
      assertThat(threads.started()).isLessThanOrEqualTo(2);

      Cache<String, String> freed = manager.createCache("taken-0", everything(true));
      freed.put("k", "v");
      assertThat(freed.get("k")).isEqualTo("v");
    } finally {
      manager.close();
    }
  }
}
