package org.stratacache.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/** Cache names that differ only in characters JMX reserves still get an AI statistics bean each. */
class AIStatisticsNamesTest {

  @Test
  void distinctCacheNamesNeverShareABean() throws Exception {
    URI uri = URI.create("test:ai-mbean-names");
    CacheManager manager = Caching.getCachingProvider().getCacheManager(uri, getClass().getClassLoader());
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    ObjectName pattern = new ObjectName("org.stratacache:type=AIStatistics,*");
    try {
      List<String> names = List.of("a,b", "a.b", "bad*name", "x=y:z");
      for (String name : names) {
        manager.createCache(name, AIResponseCacheConfiguration.builder().build()).unwrap(AIResponseCache.class);
      }
      Set<String> registered = server.queryNames(pattern, null).stream()
          .filter(name -> uri.toString().equals(unquoted(name.getKeyProperty("CacheManager"))))
          .map(name -> unquoted(name.getKeyProperty("Cache")))
          .collect(Collectors.toSet());
      assertThat(registered).containsExactlyInAnyOrderElementsOf(names);

      manager.destroyCache("a,b");
      Set<String> left = server.queryNames(pattern, null).stream()
          .filter(name -> uri.toString().equals(unquoted(name.getKeyProperty("CacheManager"))))
          .map(name -> unquoted(name.getKeyProperty("Cache")))
          .collect(Collectors.toSet());
      assertThat(left).as("destroying a,b keeps the bean of a.b").contains("a.b").doesNotContain("a,b");
    } finally {
      manager.close();
    }
  }

  private static String unquoted(String value) {
    return value.startsWith("\"") ? ObjectName.unquote(value) : value;
  }
}
