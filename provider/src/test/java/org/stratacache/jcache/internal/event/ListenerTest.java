package org.stratacache.jcache.internal.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.Factory;
import javax.cache.configuration.MutableCacheEntryListenerConfiguration;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.event.CacheEntryCreatedListener;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.CacheEntryEventFilter;
import javax.cache.event.CacheEntryListener;
import javax.cache.event.CacheEntryListenerException;
import javax.cache.event.CacheEntryUpdatedListener;
import javax.cache.expiry.CreatedExpiryPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.stratacache.jcache.configuration.StrataConfiguration;
import org.stratacache.jcache.expiry.FakeTicker;

class ListenerTest {

  private final CacheManager manager =
      Caching.getCachingProvider().getCacheManager(URI.create("test:listeners"), getClass().getClassLoader());

  @AfterEach
  void close() {
    manager.close();
  }

  private static <K, V> MutableCacheEntryListenerConfiguration<K, V> listener(
      CacheEntryListener<K, V> listener, CacheEntryEventFilter<K, V> filter, boolean oldValue, boolean sync) {
    Factory<CacheEntryListener<? super K, ? super V>> factory = () -> listener;
    Factory<CacheEntryEventFilter<? super K, ? super V>> filterFactory = filter == null ? null : () -> filter;
    return new MutableCacheEntryListenerConfiguration<>(factory, filterFactory, oldValue, sync);
  }

  @Test
  void synchronousListenerSeesEveryChangeBeforeTheCallReturns() {
    Recorder recorder = new Recorder();
    Cache<String, String> cache = manager.createCache("sync", new MutableConfiguration<String, String>()
        .addCacheEntryListenerConfiguration(listener(recorder, null, true, true)));
    cache.put("k", "v1");
    assertThat(recorder.events).containsExactly("CREATED k=v1 old=null");
    cache.put("k", "v2");
    cache.getAndReplace("k", "v3");
    cache.remove("k");
    cache.putIfAbsent("k", "v4");
    cache.invoke("k", (entry, args) -> {
      entry.setValue(entry.getValue() + "!");
      return null;
    });
    assertThat(recorder.events).containsExactly(
        "CREATED k=v1 old=null", "UPDATED k=v2 old=v1", "UPDATED k=v3 old=v2", "REMOVED k=v3 old=v3",
        "CREATED k=v4 old=null", "UPDATED k=v4! old=v4");
  }

  @Test
  void withoutOldValuesRemovedEventsCarryNoValues() {
    Recorder recorder = new Recorder();
    Cache<String, String> cache = manager.createCache("no-old", new MutableConfiguration<String, String>()
        .addCacheEntryListenerConfiguration(listener(recorder, null, false, true)));
    cache.put("k", "v1");
    cache.put("k", "v2");
    cache.remove("k");
    assertThat(recorder.events).containsExactly(
        "CREATED k=v1 old=null", "UPDATED k=v2 old=null", "REMOVED k=null old=null");
  }

  @Test
  void filterDecidesWhatTheListenerHears() {
    Recorder recorder = new Recorder();
    Cache<String, String> cache = manager.createCache("filtered", new MutableConfiguration<String, String>()
        .addCacheEntryListenerConfiguration(listener(recorder, e -> e.getKey().startsWith("a"), true, true)));
    cache.put("a1", "x");
    cache.put("b1", "x");
    assertThat(recorder.events).containsExactly("CREATED a1=x old=null");
  }

  @Test
  void failingSynchronousListenerReachesTheCallerAfterTheChange() {
    CacheEntryCreatedListener<String, String> failing = events -> {
      throw new IllegalStateException("listener down");
    };
    Cache<String, String> cache = manager.createCache("failing", new MutableConfiguration<String, String>()
        .addCacheEntryListenerConfiguration(listener(failing, null, false, true)));
    assertThatThrownBy(() -> cache.put("k", "v"))
        .isInstanceOf(CacheEntryListenerException.class).hasRootCauseMessage("listener down");
    assertThat(cache.get("k")).isEqualTo("v");
  }

  @Test
  void asynchronousListenerHearsOneKeysEventsInOrder() throws Exception {
    int updates = 2_000;
    Recorder recorder = new Recorder();
    CountDownLatch done = new CountDownLatch(1);
    CacheEntryUpdatedListener<String, String> last = events -> events.forEach(e -> {
      if (e.getValue().equals(String.valueOf(updates))) {
        done.countDown();
      }
    });
    Cache<String, String> cache = manager.createCache("async", new MutableConfiguration<String, String>()
        .addCacheEntryListenerConfiguration(listener(recorder, null, true, false))
        .addCacheEntryListenerConfiguration(listener(last, null, false, false)));
    cache.put("k", "0");
    for (int i = 1; i <= updates; i++) {
      cache.put("k", String.valueOf(i));
    }
    assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
    awaitSize(recorder.events, updates + 1);
    for (int i = 1; i <= updates; i++) {
      assertThat(recorder.events.get(i)).isEqualTo("UPDATED k=" + i + " old=" + (i - 1));
    }
  }

  @Test
  void expiredEntriesAreAnnouncedAsynchronously() throws Exception {
    FakeTicker clock = new FakeTicker();
    Recorder recorder = new Recorder();
    Cache<String, String> cache = manager.createCache("expiring", StrataConfiguration.builder(String.class, String.class)
        .expiryPolicyFactory(CreatedExpiryPolicy.factoryOf(javax.cache.expiry.Duration.ONE_MINUTE))
        .addCacheEntryListenerConfiguration(listener(recorder, null, true, true))
        .ticker(clock).build());
    cache.put("k", "v");
    clock.advance(Duration.ofMinutes(2));
    assertThat(cache.get("k")).isNull();
    cache.put("other", "x");
    awaitSize(recorder.events, 3);
    assertThat(recorder.events).contains("EXPIRED k=v old=v");
  }

  private static void awaitSize(List<String> events, int size) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (events.size() < size && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(events).hasSizeGreaterThanOrEqualTo(size);
  }

  /** Records every event as "TYPE key=value old=oldValue". */
  static final class Recorder extends EveryEventListener<String> {

    final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    void record(Iterable<CacheEntryEvent<? extends String, ? extends String>> batch) {
      for (CacheEntryEvent<? extends String, ? extends String> event : batch) {
        events.add(event.getEventType() + " " + event.getKey() + "=" + event.getValue() + " old=" + event.getOldValue());
      }
    }
  }
}
