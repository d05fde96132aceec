package org.stratacache.jcache.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.Test;
import org.stratacache.jcache.codec.CodecException;

/**
 * A memory cache storing by value refuses, at put and with a clear {@code CodecException},
 * what a shared store could never read back: values nested deeper than {@code limits.depth},
 * lambdas, and the hash-code bomb. Nothing is stored.
 */
class HostilePutTest {

  @Test
  void aMemoryCacheRefusesValuesItCouldNotCopyAndStoresNothing() {
    try (CacheManager manager = Caching.getCachingProvider().getCacheManager(URI.create("test:hostile-put"),
        getClass().getClassLoader())) {
      Cache<String, Object> cache = manager.createCache("values", new MutableConfiguration<String, Object>()
          .setTypes(String.class, Object.class));
      long t0 = System.nanoTime();
      List<Object> deep = PlantedValues.deepList(100_000);
      assertThatThrownBy(() -> cache.put("deep", deep)).isInstanceOf(CodecException.class)
          .hasMessageContaining("limits.depth");
      System.out.println("deep put refused after " + (System.nanoTime() - t0) / 1_000_000 + " ms");
      Supplier<String> lambda = () -> "x";
      assertThatThrownBy(() -> cache.put("lambda", lambda)).isInstanceOf(CodecException.class)
          .hasMessageContaining("lambda");
      Set<Object> bomb = PlantedValues.hashBomb(26);
      long start = System.nanoTime();
      assertThatThrownBy(() -> cache.put("bomb", bomb)).isInstanceOf(CodecException.class)
          .hasMessageContaining("limits.hash-work");
      long bombMillis = (System.nanoTime() - start) / 1_000_000;
      System.out.println("depth-26 hash-code bomb put refused after " + bombMillis + " ms");
      assertThat(bombMillis).as("ms to refuse the bomb").isLessThan(2_000);
      assertThat(cache.containsKey("deep") || cache.containsKey("lambda") || cache.containsKey("bomb")).isFalse();
      cache.put("fine", PlantedValues.deepList(100));
      assertThat(cache.get("fine")).isEqualTo(PlantedValues.deepList(100));
    }
  }
}
