package org.stratacache.jcache.internal.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stratacache.jcache.CacheExtension;
import org.stratacache.jcache.configuration.StrataConfiguration;

/** What the extensions on the class path set for a cache ({@link CacheExtension#cacheDefaults}). */
final class ExtensionDefaults {

  private ExtensionDefaults() {
  }

  /** The settings {@code extensions} give {@code given}; allow-lists of several are joined. */
  static Map<String, Object> of(List<CacheExtension> extensions, StrataConfiguration<?, ?> given) {
    Map<String, Object> settings = new LinkedHashMap<>();
    for (CacheExtension extension : extensions) {
      extension.cacheDefaults(given).forEach((key, value) -> settings.merge(key, value, (mine, theirs) -> {
        if (mine instanceof Collection<?> first && theirs instanceof Collection<?> second) {
          List<Object> joined = new ArrayList<>(first);
          joined.addAll(second);
          return joined;
        }
        return mine;
      }));
    }
    return settings;
  }
}
