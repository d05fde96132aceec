package org.stratacache.jcache.internal.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.processor.EntryProcessor;
import javax.cache.processor.EntryProcessorException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.stratacache.jcache.testing.Concurrently;

class EntryProcessorTest {

  private static final EntryProcessor<String, Long, Long> INCREMENT = (entry, args) -> {
    long next = entry.exists() ? entry.getValue() + 1 : 1;
    entry.setValue(next);
    return next;
  };

  private final CacheManager manager =
      Caching.getCachingProvider().getCacheManager(URI.create("test:processors"), getClass().getClassLoader());

  @AfterEach
  void close() {
    manager.close();
  }

  @Test
  void processorsAreAtomicPerKey() throws Exception {
    Cache<String, Long> cache = manager.createCache("counters", new MutableConfiguration<>());
    int threads = 4;
    int increments = 10_000;
    Concurrently.repeat(threads, increments, () -> cache.invoke("counter", INCREMENT));
    assertThat(cache.get("counter")).isEqualTo((long) threads * increments);
  }

  @Test
  void failingProcessorLeavesTheEntryAndIsWrapped() {
    Cache<String, Long> cache = manager.createCache("failing", new MutableConfiguration<>());
    cache.put("k", 1L);
    assertThatThrownBy(() -> cache.invoke("k", (entry, args) -> {
      entry.setValue(99L);
      throw new IllegalStateException("boom");
    })).isInstanceOf(EntryProcessorException.class).hasRootCauseMessage("boom");
    assertThat(cache.get("k")).isEqualTo(1L);
  }

  @Test
  void processorSeesACopyInAStoreByValueCache() {
    Cache<String, StringBuilder> cache = manager.createCache("copies", new MutableConfiguration<>());
    cache.put("k", new StringBuilder("a"));
    cache.invoke("k", (entry, args) -> entry.getValue().append("changed but not set"));
    assertThat(cache.get("k").toString()).isEqualTo("a");
  }
}
