package org.stratacache.jcache.internal.management;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.net.URI;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.stratacache.jcache.management.MBeans;

/** Cache names in JMX object names: simple names as they are (the TCK's), others quoted, none shared. */
class MBeanNamesTest {

  private static final MBeanServer JMX = ManagementFactory.getPlatformMBeanServer();
  private final CacheManager manager =
      Caching.getCachingProvider().getCacheManager(URI.create("test:mbean-names"), getClass().getClassLoader());

  @AfterEach
  void close() {
    manager.close();
  }

  private Cache<String, String> withStatistics(String name) {
    return manager.createCache(name, new MutableConfiguration<String, String>().setTypes(String.class, String.class)
        .setStatisticsEnabled(true));
  }

  @Test
  void simpleNamesStayUnquotedAsTheTckExpects() throws Exception {
    Cache<String, String> cache = withStatistics("com.example.Author-books_1");
    assertThat(JMX.isRegistered(new ObjectName(
        "javax.cache:type=CacheStatistics,CacheManager=test.mbean-names,Cache=com.example.Author-books_1"))).isTrue();
    assertThat(MBeans.objectName(cache, MBeans.Type.CacheStatistics).getKeyProperty("Cache"))
        .isEqualTo("com.example.Author-books_1");
  }

  @Test
  void namesThatJmxCannotTakeAsTheyAreAreQuotedAndNeverCollide() throws Exception {
    Cache<String, String> comma = withStatistics("a,b");
    Cache<String, String> dot = withStatistics("a.b");
    Cache<String, String> star = withStatistics("bad*name");
    ObjectName commaName = MBeans.objectName(comma, MBeans.Type.CacheStatistics);
    ObjectName dotName = MBeans.objectName(dot, MBeans.Type.CacheStatistics);
    ObjectName starName = MBeans.objectName(star, MBeans.Type.CacheStatistics);
    assertThat(commaName).isNotEqualTo(dotName);
    assertThat(ObjectName.unquote(commaName.getKeyProperty("Cache"))).isEqualTo("a,b");
    assertThat(ObjectName.unquote(starName.getKeyProperty("Cache"))).isEqualTo("bad*name");
    assertThat(starName.isPattern()).isFalse();
    assertThat(JMX.isRegistered(commaName)).isTrue();
    assertThat(JMX.isRegistered(dotName)).isTrue();
    assertThat(JMX.isRegistered(starName)).isTrue();

    comma.put("k", "v");
    manager.destroyCache("a.b");
    assertThat(JMX.isRegistered(dotName)).isFalse();
    assertThat(JMX.isRegistered(commaName)).as("destroying a.b leaves the bean of a,b").isTrue();
    assertThat(JMX.getAttribute(commaName, "CachePuts")).isEqualTo(1L);
  }
}
