package org.stratacache.jcache.internal.event;

import java.net.URI;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import org.stratacache.jcache.configuration.StrataConfiguration;

/** A second JVM for {@link RemoteEventsIT}: writes to a shared cache, then exits. */
public final class RemoteWriter {

  private RemoteWriter() {
  }

  /**
   * Creates, updates and removes key {@code k} of cache {@code args[1]} on Redis {@code args[0]}.
   *
   * @param args the Redis URI and the cache name
   */
  public static void main(String[] args) {
    try (CacheManager manager = Caching.getCachingProvider().getCacheManager(URI.create("test:remote-writer"),
        RemoteWriter.class.getClassLoader())) {
      Cache<String, String> cache = manager.createCache(args[1], StrataConfiguration.builder(String.class,
          String.class).redisUri(args[0]).remoteEvents(true).build());
      cache.put("k", "from another JVM");
      cache.put("k", "again");
      cache.remove("k");
      cache.get("k");  // every PUBLISH sent before this read reached Redis before the manager closes
    }
  }
}
