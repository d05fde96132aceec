package org.stratacache.jcache.configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Properties;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.spi.CachingProvider;
import org.junit.jupiter.api.Test;

/**
 * A cache manager's properties declare caches with the lines a properties file holds
 * ({@code strata.caches.<name>.<key>}), read by the file's parser, over the file's own sections.
 */
class CachePropertiesTest {

  private final CachingProvider provider = Caching.getCachingProvider();

  private CacheManager manager(String uri, String... pairs) {
    Properties properties = new Properties();
    for (int i = 0; i < pairs.length; i += 2) {
      properties.setProperty(pairs[i], pairs[i + 1]);
    }
    return provider.getCacheManager(URI.create(uri), getClass().getClassLoader(), properties);
  }

  @Test
  void propertiesDeclareCachesWithoutAFile() {
    try (CacheManager manager = manager("strata:cache-properties", "strata.caches.orders.maximum-size", "2",
        "strata.caches.orders.statistics", "true", "strata.caches[com.example.Author].default-ttl", "1h",
        "strata.caches[com.example.Author].serialization.allowed-packages", "com.example.one,com.example.two",
        Setting.COMPRESSION_LEVEL.property(), "4")) {
      assertThat(manager.getCacheNames()).containsExactlyInAnyOrder("orders", "com.example.Author");
      StrataConfiguration<?, ?> orders = manager.getCache("orders").getConfiguration(StrataConfiguration.class);
      assertThat(orders.getMemory().getMaximumSize()).isEqualTo(2);
      assertThat(orders.isStatisticsEnabled()).isTrue();
      assertThat(orders.getCodec().getCompressionLevel()).as("a manager-wide property still fills it").isEqualTo(4);
      StrataConfiguration<?, ?> author = manager.getCache("com.example.Author")
          .getConfiguration(StrataConfiguration.class);
      assertThat(author.getDefaultTtl()).isEqualTo(Duration.ofHours(1));
      assertThat(author.getSerialization().allowedPackages()).contains("com.example.one", "com.example.two");
    }
  }

  @Test
  void aPropertyBeatsTheFileForOneSettingOfOneCache() {
    try (CacheManager manager = manager("classpath:config/declared.yaml", "strata.caches.orders.maximum-size", "50",
        "strata.caches.extra.default-ttl", "5m")) {
      assertThat(manager.getCacheNames()).containsExactlyInAnyOrder("orders", "com.example.Author", "extra");
      StrataConfiguration<?, ?> orders = manager.getCache("orders").getConfiguration(StrataConfiguration.class);
      assertThat(orders.getMemory().getMaximumSize()).isEqualTo(50);
      assertThat(orders.isStatisticsEnabled()).as("the file's other settings of the cache stay").isTrue();
    }
  }

  @Test
  void mistakesNameThePropertiesTheKeyAndWhatIsAllowed() {
    assertThatThrownBy(() -> manager("strata:bad-properties-1", "strata.caches.orders.maximum-sizes", "5"))
        .hasMessageContaining("cache manager properties").hasMessageContaining("unknown key caches.orders.maximum-sizes");
    assertThatThrownBy(() -> manager("classpath:config/declared.yaml", "strata.caches.orders.compression-level", "30"))
        .hasMessageContaining("cache manager properties").hasMessageContaining("caches.orders.compression-level")
        .hasMessageContaining("from 1 to 22");
  }
}
