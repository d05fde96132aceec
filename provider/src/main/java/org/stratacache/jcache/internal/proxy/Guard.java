package org.stratacache.jcache.internal.proxy;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;

/** Argument checks as JSR-107 requires them: {@code NullPointerException} and {@code ClassCastException}. */
final class Guard {

  private Guard() {
  }

  static void key(Object key) {
    Objects.requireNonNull(key, "a cache key cannot be null");
  }

  static void value(Object value) {
    Objects.requireNonNull(value, "a cache value cannot be null");
  }

  /** Checks every element without calling {@code contains(null)}, which some sets refuse. */
  static void keys(Collection<?> keys) {
    Objects.requireNonNull(keys, "the set of keys cannot be null");
    for (Object key : keys) {
      key(key);
    }
  }

  static void entries(Map<?, ?> entries) {
    Objects.requireNonNull(entries, "the map of entries cannot be null");
    for (Map.Entry<?, ?> entry : entries.entrySet()) {
      key(entry.getKey());
      value(entry.getValue());
    }
  }

  static void type(Class<?> expected, Object object, String what) {
    if (expected != Object.class && !expected.isInstance(object)) {
      throw new ClassCastException("This cache holds " + what + "s of " + expected.getName() + ", not "
          + object.getClass().getName());
    }
  }
}
