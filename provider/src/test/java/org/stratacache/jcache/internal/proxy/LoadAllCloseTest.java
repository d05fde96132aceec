package org.stratacache.jcache.internal.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Closeable;
import java.io.Serializable;
import java.net.URI;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.integration.CacheLoader;
import org.junit.jupiter.api.Test;

/**
 * Closing a cache while an asynchronous {@code loadAll} runs: the loader is closed only after the
 * load returned, so a Closeable loader (a connection, say) is never used after its close.
 */
class LoadAllCloseTest {

  private static final List<String> EVENTS = new CopyOnWriteArrayList<>();
  private static final CountDownLatch STARTED = new CountDownLatch(1);

  /** A loader that is slow to load all and records when it loads and when it is closed. */
  public static final class SlowLoader implements CacheLoader<String, String>, Closeable, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public String load(String key) {
      return key;
    }

    @Override
    public Map<String, String> loadAll(Iterable<? extends String> keys) {
      STARTED.countDown();
      try {
        Thread.sleep(300);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      Map<String, String> loaded = new HashMap<>();
      keys.forEach(key -> loaded.put(key, key));
      EVENTS.add("loaded");
      return loaded;
    }

    @Override
    public void close() {
      EVENTS.add("closed");
    }
  }

  @Test
  void closeWaitsForARunningLoadAllBeforeClosingTheLoader() throws Exception {
    CacheManager manager = Caching.getCachingProvider()
        .getCacheManager(URI.create("test:load-all-close"), getClass().getClassLoader());
    try {
      Cache<String, String> cache = manager.createCache("slow", new MutableConfiguration<String, String>()
          .setTypes(String.class, String.class).setReadThrough(true)
          .setCacheLoaderFactory(FactoryBuilder.factoryOf(new SlowLoader())));
      cache.loadAll(Set.of("a", "b"), false, null);
      STARTED.await();
      cache.close();
      assertThat(EVENTS).containsExactly("loaded", "closed");
    } finally {
      manager.close();
    }
    assertThat(Collections.frequency(EVENTS, "closed")).isEqualTo(1);
  }
}
