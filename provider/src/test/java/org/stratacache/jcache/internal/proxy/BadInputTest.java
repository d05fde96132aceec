package org.stratacache.jcache.internal.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Bad input gets the exception JSR-107 names, with a message that says what was wrong. */
class BadInputTest {

  private final CacheManager manager =
      Caching.getCachingProvider().getCacheManager(URI.create("test:bad-input"), getClass().getClassLoader());

  @AfterEach
  void close() {
    manager.close();
  }

  @Test
  void nullKeysAndValuesAreRefusedWithNullPointerException() {
    Cache<String, String> cache = manager.createCache("nulls", new MutableConfiguration<>());
    assertThatThrownBy(() -> cache.get(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> cache.put(null, "v")).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> cache.put("k", null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> cache.containsKey(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> cache.replace("k", null, "v")).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> cache.remove("k", null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> cache.invoke(null, (entry, args) -> null)).isInstanceOf(NullPointerException.class);
    Set<String> withNull = new HashSet<>();
    withNull.add("a");
    withNull.add(null);
    assertThatThrownBy(() -> cache.getAll(withNull)).isInstanceOf(NullPointerException.class);
    Map<String, String> nullValue = new HashMap<>();
    nullValue.put("a", null);
    assertThatThrownBy(() -> cache.putAll(nullValue)).isInstanceOf(NullPointerException.class);
    assertThat(cache.containsKey("a")).as("a refused putAll stores nothing").isFalse();
  }

  @Test
  void setsThatRefuseContainsNullAreAccepted() {
    Cache<String, String> cache = manager.createCache("immutable-sets", new MutableConfiguration<>());
    cache.put("a", "1");
    assertThat(cache.getAll(Set.of("a", "b"))).containsExactly(Map.entry("a", "1"));
    cache.removeAll(Set.of("a"));
    cache.putAll(Map.of("x", "y"));
    assertThat(cache.getAll(Collections.unmodifiableSet(Set.of("x")))).hasSize(1);
  }

  @Test
  void wrongRuntimeTypesAreRefusedWithClassCastException() {
    @SuppressWarnings({"rawtypes", "unchecked"})
    Cache raw = manager.createCache("typed", new MutableConfiguration<String, Integer>()
        .setTypes(String.class, Integer.class));
    assertThatThrownBy(() -> raw.put("k", "not an integer"))
        .isInstanceOf(ClassCastException.class)
        .hasMessageContaining("java.lang.Integer").hasMessageContaining("java.lang.String");
    assertThatThrownBy(() -> raw.put(1, 1)).isInstanceOf(ClassCastException.class);
  }

  @Test
  void valueThatCannotBeCopiedFailsNamingTheClassAndTheFix() {
    Cache<String, Object> cache = manager.createCache("by-value", new MutableConfiguration<>());
    Object uncopyable = new HoldsAThread();
    assertThatThrownBy(() -> cache.put("k", uncopyable))
        .isInstanceOf(CacheException.class)
        .hasMessageContaining(HoldsAThread.class.getName())
        .hasMessageContaining("store-by-reference")
        .hasMessageContaining("Serializable");
    assertThat(cache.containsKey("k")).isFalse();

    Cache<String, Object> byReference = manager.createCache("by-reference",
        new MutableConfiguration<String, Object>().setStoreByValue(false));
    byReference.put("k", uncopyable);
    assertThat(byReference.get("k")).isSameAs(uncopyable);
  }

  /** Holds a live thread: neither Kryo nor Java serialization can copy it. */
  static final class HoldsAThread {
    private final Thread thread = new Thread(() -> { });

    @Override
    public String toString() {
      return "HoldsAThread" + thread.getId();
    }
  }
}
