package org.stratacache.spring.boot;

import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.MeterBinder;
import javax.cache.Cache;
import org.springframework.boot.cache.metrics.JCacheCacheMeterBinderProvider;
import org.springframework.cache.jcache.JCacheCache;
import org.stratacache.jcache.StrataCache;

/**
 * Takes the place of Boot's JCache binder provider: Strata's caches get a {@link StrataCacheMeterBinder}
 * (Boot's meter names and tags, plus Strata's figures), caches of any other JCache provider get Boot's
 * own binder, as without the starter.
 */
public class StrataCacheMeterBinderProvider extends JCacheCacheMeterBinderProvider {

  @Override
  public MeterBinder getMeterBinder(JCacheCache cache, Iterable<Tag> tags) {
    Cache<Object, Object> jcache = cache.getNativeCache();
    if (isStrata(jcache)) {
      return new StrataCacheMeterBinder(jcache.unwrap(StrataCache.class), tags);
    }
    return super.getMeterBinder(cache, tags);
  }

  private static boolean isStrata(Cache<?, ?> cache) {
    try {
      return cache.unwrap(StrataCache.class) != null;
    } catch (IllegalArgumentException notStrata) {
      return false;
    }
  }
}
