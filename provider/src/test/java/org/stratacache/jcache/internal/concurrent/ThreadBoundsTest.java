package org.stratacache.jcache.internal.concurrent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Serializable;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableCacheEntryListenerConfiguration;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.event.CacheEntryCreatedListener;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.CacheEntryListener;
import javax.cache.event.CacheEntryUpdatedListener;
import javax.cache.integration.CacheLoader;
import javax.cache.integration.CompletionListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.stratacache.jcache.configuration.Setting;

/**
 * The provider's threads stay bounded under loads that used to start one thread per task: a slow
 * asynchronous listener under 1,000 puts and 1,000 concurrent {@code loadAll} calls. Counted with
 * {@link java.lang.management.ThreadMXBean} against a baseline taken before the manager exists.
 */
class ThreadBoundsTest {

  private static final int LIMIT = 64;
  private final List<CacheManager> managers = new ArrayList<>();

  private CacheManager manager(String name, Properties properties) {
    CacheManager manager = Caching.getCachingProvider().getCacheManager(URI.create("test:threads-" + name),
        getClass().getClassLoader(), properties);
    managers.add(manager);
    return manager;
  }

  /** Integer keys and values, heard by an asynchronous listener of {@code type}. */
  private static MutableConfiguration<Integer, Integer> listenedBy(
      Class<? extends CacheEntryListener<Integer, Integer>> type) {
    return new MutableConfiguration<Integer, Integer>().setTypes(Integer.class, Integer.class)
        .addCacheEntryListenerConfiguration(new MutableCacheEntryListenerConfiguration<Integer, Integer>(
            FactoryBuilder.factoryOf(type), null, false, false));
  }

  /** Manager properties for a listener pool of {@code threads} that lets {@code queue} deliveries wait. */
  private static Properties listenerPool(int threads, int queue) {
    Properties properties = new Properties();
    properties.setProperty(Setting.THREADS_LISTENERS.property(), String.valueOf(threads));
    properties.setProperty(Setting.THREADS_QUEUE.property(), String.valueOf(queue));
    return properties;
  }

  @AfterEach
  void close() {
    managers.forEach(CacheManager::close);
  }

  /** Sleeps 200 ms on every event, as a listener that calls a slow service would. */
  public static final class SlowListener implements CacheEntryCreatedListener<Integer, Integer>, Serializable {
    private static final long serialVersionUID = 1L;
    static final AtomicInteger HEARD = new AtomicInteger();

    @Override
    public void onCreated(Iterable<CacheEntryEvent<? extends Integer, ? extends Integer>> events) {
      events.forEach(event -> HEARD.incrementAndGet());
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Test
  void aSlowAsynchronousListenerUnderAThousandPutsUsesAtMost64Threads() throws Exception {
    ProviderThreads threads = ProviderThreads.baseline();
    Cache<Integer, Integer> cache = manager("listener", new Properties()).createCache("slow",
        listenedBy(SlowListener.class));
    for (int i = 0; i < 1000; i++) {
      cache.put(i, i);
    }
    Thread.sleep(1000);  // deliveries under way: every pool thread busy
    long named = ProviderThreads.named();
    System.out.printf("[threads] slow listener, 1,000 puts: peak %d above baseline, %d started, %d strata-*, "
        + "%d delivered after 1 s%n", threads.peakAbove(), threads.started(), named, SlowListener.HEARD.get());
    assertThat(threads.peakAbove()).isLessThanOrEqualTo(LIMIT);
    assertThat(threads.started()).isLessThanOrEqualTo(LIMIT);
    assertThat(named).isBetween(1L, (long) (Integer) Setting.THREADS_LISTENERS.typedDefault());
  }

  /** Takes 50 ms to load all, as a loader that reads a database would. */
  public static final class SlowLoader implements CacheLoader<Integer, Integer>, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public Integer load(Integer key) {
      return key;
    }

    @Override
    public Map<Integer, Integer> loadAll(Iterable<? extends Integer> keys) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
      return StreamSupport.stream(keys.spliterator(), false).collect(Collectors.toMap(key -> key, key -> key));
    }
  }

  @Test
  void aThousandLoadAllCallsUseAtMost64Threads() throws Exception {
    ProviderThreads threads = ProviderThreads.baseline();
    Cache<Integer, Integer> cache = manager("loadall", new Properties()).createCache("loaded",
        new MutableConfiguration<Integer, Integer>().setTypes(Integer.class, Integer.class)
            .setCacheLoaderFactory(FactoryBuilder.factoryOf(SlowLoader.class)));
    CountDownLatch done = new CountDownLatch(1000);
    CompletionListener listener = new CompletionListener() {
      @Override
      public void onCompletion() {
        done.countDown();
      }

      @Override
      public void onException(Exception e) {
        done.countDown();
      }
    };
    for (int i = 0; i < 1000; i++) {
      cache.loadAll(Set.of(i), true, listener);
    }
    assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
    System.out.printf("[threads] 1,000 loadAll: peak %d above baseline, %d started%n", threads.peakAbove(),
        threads.started());
    assertThat(threads.peakAbove()).isLessThanOrEqualTo(LIMIT);
    assertThat(threads.started()).isLessThanOrEqualTo(LIMIT);
    assertThat(cache.get(999)).isEqualTo(999);
  }

  /** Records the values of the updates it hears, per key. */
  public static final class Recorder implements CacheEntryUpdatedListener<Integer, Integer>, Serializable {
    private static final long serialVersionUID = 1L;
    static final Map<Integer, List<Integer>> HEARD = new ConcurrentHashMap<>();
    static final AtomicInteger COUNT = new AtomicInteger();

    @Override
    public void onUpdated(Iterable<CacheEntryEvent<? extends Integer, ? extends Integer>> events) {
      events.forEach(event -> {
        HEARD.computeIfAbsent(event.getKey(), key -> new CopyOnWriteArrayList<>()).add(event.getValue());
        COUNT.incrementAndGet();
      });
    }
  }

  @Test
  void underBackPressureEveryKeyIsHeardInOrder() throws Exception {
    Cache<Integer, Integer> cache = manager("order", listenerPool(2, 8)).createCache("ordered",
        listenedBy(Recorder.class));
    List<Thread> writers = new ArrayList<>();
    for (int w = 0; w < 4; w++) {
      int writer = w;
      Thread thread = new Thread(() -> {
        for (int round = 0; round < 200; round++) {
          cache.put(writer, round);
        }
      });
      thread.start();
      writers.add(thread);
    }
    for (Thread writer : writers) {
      writer.join();
    }
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (Recorder.COUNT.get() < 796 && System.nanoTime() < end) {
      Thread.sleep(20);
    }
    assertThat(Recorder.COUNT.get()).isEqualTo(796);
    for (int w = 0; w < 4; w++) {
      List<Integer> expected = new ArrayList<>();
      for (int round = 1; round < 200; round++) {
        expected.add(round);
      }
      assertThat(Recorder.HEARD.get(w)).as("key %d", w).isEqualTo(expected);
    }
  }

  /** Puts into its own cache from inside an asynchronous delivery, which must not wait for itself. */
  public static final class Echo implements CacheEntryCreatedListener<Integer, Integer>, Serializable {
    private static final long serialVersionUID = 1L;
    static volatile Cache<Integer, Integer> target;
    static final CountDownLatch LAST = new CountDownLatch(1);

    @Override
    public void onCreated(Iterable<CacheEntryEvent<? extends Integer, ? extends Integer>> events) {
      for (CacheEntryEvent<? extends Integer, ? extends Integer> event : events) {
        if (event.getKey() < 200) {
          target.put(event.getKey() + 1, 0);
        } else {
          LAST.countDown();
        }
      }
    }
  }

  @Test
  void aListenerThatWritesToItsCacheDoesNotDeadlockAFullQueue() throws Exception {
    Echo.target = manager("echo", listenerPool(1, 1)).createCache("echo", listenedBy(Echo.class));
    Echo.target.put(0, 0);
    assertThat(Echo.LAST.await(30, TimeUnit.SECONDS)).as("the chain of 200 writes from listeners ends").isTrue();
  }
}
