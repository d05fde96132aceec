package org.stratacache.jcache.internal.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Properties;
import javax.cache.Caching;
import org.junit.jupiter.api.Test;

/** Pool sizes from a manager's properties: one default for every pool, bad values refused by name. */
class ThreadSettingsTest {

  @Test
  void everyPoolDefaultsToTwiceTheProcessorsAtMostSixteen() {
    ThreadSettings settings = ThreadSettings.of(new Properties());
    int expected = Math.min(2 * Runtime.getRuntime().availableProcessors(), 16);
    assertThat(settings).isEqualTo(new ThreadSettings(expected, expected, expected, ThreadSettings.DEFAULT_QUEUE));
  }

  @Test
  void managerPropertiesSetEachPool() {
    Properties properties = new Properties();
    properties.setProperty(ThreadSettings.LISTENERS, "3");
    properties.setProperty(ThreadSettings.LOADERS, " 5 ");
    properties.setProperty(ThreadSettings.EVENTS, "7");
    properties.setProperty(ThreadSettings.QUEUE, "100");
    assertThat(ThreadSettings.of(properties)).isEqualTo(new ThreadSettings(3, 5, 7, 100));
  }

  @Test
  void aBadSizeFailsTheManagerNamingTheProperty() {
    Properties properties = new Properties();
    properties.setProperty(ThreadSettings.LOADERS, "0");
    assertThatThrownBy(() -> Caching.getCachingProvider().getCacheManager(URI.create("test:bad-threads"),
        getClass().getClassLoader(), properties))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("strata.threads.loaders = 0: expected a whole number from 1 to 256");
  }
}
