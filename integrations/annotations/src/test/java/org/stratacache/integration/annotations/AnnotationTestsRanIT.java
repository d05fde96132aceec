package org.stratacache.integration.annotations;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Test;

/**
 * The TCK's annotation tests pass without running anything when no bean provider loads, so this
 * check (run after them) reads what {@link GuiceBeanProvider} handed out and requires every blog
 * manager of the TCK, intercepted with Strata Cache as the provider, in the memory run and in the
 * Redis run, each on its store.
 */
public class AnnotationTestsRanIT {

  @Test
  public void everyBlogManagerWasInterceptedWithStrataCacheInMemory() throws Exception {
    String beans = report("annotation-beans.txt");
    assertTrue("a cache in memory was used", beans.contains("[MEMORY]"));
    assertFalse("no cache on Redis in the memory run", beans.contains("REDIS"));
  }

  @Test
  public void everyBlogManagerWasInterceptedWithStrataCacheOnRedis() throws Exception {
    String beans = report("annotation-beans-redis.txt");
    assertTrue("a cache on Redis was used", beans.contains("[REDIS]"));
    assertFalse("no cache in memory in the Redis run", beans.contains("MEMORY"));
  }

  private static String report(String name) throws Exception {
    Path report = Path.of(System.getProperty("strata.annotation.reports"), name);
    assertTrue("no bean was handed out: the annotation tests did not run (" + name + ")", Files.exists(report));
    String beans = Files.readString(report, StandardCharsets.UTF_8);
    for (String blogManager : new String[] {"manager.CacheNameOnEachMethodBlogManagerImpl",
        "manager.ClassLevelCacheConfigBlogManagerImpl", "manager.UsingDefaultCacheNameBlogManagerImpl"}) {
      assertTrue(blogManager + " was never used (" + name + ")",
          beans.contains(blogManager + " from org.stratacache.jcache.spi.StrataCachingProvider"));
    }
    return beans;
  }
}
