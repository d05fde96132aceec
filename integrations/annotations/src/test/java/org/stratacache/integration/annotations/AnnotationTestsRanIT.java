package org.stratacache.integration.annotations;

import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Test;

/**
 * The TCK's annotation tests pass without running anything when no bean provider loads, so this
 * check (run after them) reads what {@link GuiceBeanProvider} handed out and requires every blog
 * manager of the TCK, intercepted with Strata Cache as the provider.
 */
public class AnnotationTestsRanIT {

  @Test
  public void everyBlogManagerWasInterceptedWithStrataCache() throws Exception {
    Path report = Path.of(System.getProperty("strata.annotation.report"));
    assertTrue("no bean was handed out: the annotation tests did not run", Files.exists(report));
    String beans = Files.readString(report, StandardCharsets.UTF_8);
    for (String blogManager : new String[] {"manager.CacheNameOnEachMethodBlogManagerImpl",
        "manager.ClassLevelCacheConfigBlogManagerImpl", "manager.UsingDefaultCacheNameBlogManagerImpl"}) {
      assertTrue(blogManager + " was never used",
          beans.contains(blogManager + " from org.stratacache.jcache.spi.StrataCachingProvider"));
    }
  }
}
