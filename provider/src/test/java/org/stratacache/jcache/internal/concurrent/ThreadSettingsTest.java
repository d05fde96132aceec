package org.stratacache.jcache.internal.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import javax.cache.CacheManager;
import javax.cache.Caching;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stratacache.jcache.configuration.Setting;
import org.stratacache.jcache.internal.config.ConfigurationFile;
import org.stratacache.jcache.internal.config.ManagerDefaults;

/**
 * Pool sizes are settings like the others: one default for every pool, manager properties over the
 * file's top level over system properties, bad values refused by name; never in a cache's section.
 */
class ThreadSettingsTest {

  private static ThreadSettings threads(Properties manager, Map<String, String> system) {
    return ManagerDefaults.of(manager, system::get, name -> null).threads();
  }

  @Test
  void everyPoolDefaultsToTwiceTheProcessorsAtMostSixteen() {
    int expected = Math.min(2 * Runtime.getRuntime().availableProcessors(), 16);
    assertThat(threads(new Properties(), Map.of())).isEqualTo(new ThreadSettings(expected, expected, expected,
        10_000));
    assertThat(Setting.THREADS_LOADERS.typedDefault()).isEqualTo(expected);
  }

  @Test
  void managerPropertiesSetEachPoolBeforeSystemProperties() {
    Properties properties = new Properties();
    properties.setProperty(Setting.THREADS_LISTENERS.property(), "3");
    properties.setProperty(Setting.THREADS_LOADERS.property(), " 5 ");
    properties.setProperty(Setting.THREADS_EVENTS.property(), "7");
    Map<String, String> system = Map.of(Setting.THREADS_LISTENERS.property(), "9",
        Setting.THREADS_QUEUE.property(), "100");
    assertThat(threads(properties, system)).isEqualTo(new ThreadSettings(3, 5, 7, 100));
  }

  @Test
  void theFileTopLevelSetsThemAndACacheSectionMayNot(@TempDir Path directory) throws Exception {
    Path file = Files.writeString(directory.resolve("threads.yaml"), "threads:\n  listeners: 4\n  queue: 50\n");
    ConfigurationFile config = ConfigurationFile.load(file.toUri(), getClass().getClassLoader());
    Properties manager = new Properties();
    manager.setProperty(Setting.THREADS_QUEUE.property(), "60");
    assertThat(ManagerDefaults.of(manager, name -> null, name -> null)
        .withFile(config.name(), config.defaults(), getClass().getClassLoader()).threads())
        .isEqualTo(new ThreadSettings(4, (Integer) Setting.THREADS_LOADERS.typedDefault(),
            (Integer) Setting.THREADS_EVENTS.typedDefault(), 60));

    Path perCache = Files.writeString(directory.resolve("per-cache.yaml"),
        "caches:\n  orders:\n    threads:\n      loaders: 2\n");
    assertThatThrownBy(() -> ConfigurationFile.load(perCache.toUri(), getClass().getClassLoader()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("caches.orders.threads.loaders is a setting of the cache manager")
        .hasMessageContaining("strata.threads.loaders");
  }

  @Test
  void aBadSizeFailsTheManagerNamingThePropertyAndTheRange() {
    Properties properties = new Properties();
    properties.setProperty(Setting.THREADS_LOADERS.property(), "0");
    assertThatThrownBy(() -> Caching.getCachingProvider().getCacheManager(URI.create("test:bad-threads"),
        getClass().getClassLoader(), properties))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cache manager property strata.threads.loaders = '0' is not allowed: threads.loaders takes a "
            + "whole number from 1 to 256");
    properties.setProperty(Setting.THREADS_LOADERS.property(), "2");
    properties.setProperty(Setting.THREADS_QUEUE.property(), "lots");
    assertThatThrownBy(() -> Caching.getCachingProvider().getCacheManager(URI.create("test:bad-queue"),
        getClass().getClassLoader(), properties))
        .hasMessageContaining("strata.threads.queue").hasMessageContaining("from 1 to 10000000");
    properties.setProperty(Setting.THREADS_QUEUE.property(), "20");
    CacheManager manager = Caching.getCachingProvider().getCacheManager(URI.create("test:good-threads"),
        getClass().getClassLoader(), properties);
    manager.close();
  }
}
