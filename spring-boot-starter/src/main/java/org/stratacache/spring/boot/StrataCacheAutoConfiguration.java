package org.stratacache.spring.boot;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.Configuration;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.spi.CachingProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.cache.autoconfigure.CacheAutoConfiguration;
import org.springframework.boot.cache.autoconfigure.JCacheManagerCustomizer;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.stratacache.jcache.spi.StrataCachingProvider;

/**
 * The JCache {@link CacheManager} of Strata's provider, chosen by name (so a second JCache provider
 * on the class path changes nothing), configured from the {@code strata.*} properties and, when
 * {@code spring.cache.jcache.config} names one, a Strata configuration file. Runs before Boot's
 * cache auto-configuration, whose JCache support then wraps this manager in Spring's
 * {@code JCacheCacheManager}.
 */
@AutoConfiguration(before = CacheAutoConfiguration.class)
@ConditionalOnClass({Caching.class, StrataCachingProvider.class})
@ConditionalOnProperty(name = "spring.cache.jcache.provider", havingValue = StrataCacheAutoConfiguration.PROVIDER,
    matchIfMissing = true)
public class StrataCacheAutoConfiguration {

  /** The class name of Strata's {@code CachingProvider}. */
  public static final String PROVIDER = "org.stratacache.jcache.spi.StrataCachingProvider";

  /**
   * Strata's cache manager, closed with the application context.
   *
   * @param environment          where the {@code strata.*} and {@code spring.cache.*} properties come from
   * @param resourceLoader       resolves {@code spring.cache.jcache.config}
   * @param defaultConfiguration the configuration of the caches named by {@code spring.cache.cache-names},
   *                             when the application declares one
   * @param customizers          Boot's JCache manager customizers, applied last
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  public CacheManager strataCacheManager(Environment environment, ResourceLoader resourceLoader,
                                         ObjectProvider<Configuration<?, ?>> defaultConfiguration,
                                         ObjectProvider<JCacheManagerCustomizer> customizers) throws IOException {
    StrataSettings settings = StrataSettings.of(environment, resourceLoader.getClassLoader());
    Binder binder = Binder.get(environment);
    CachingProvider provider = Caching.getCachingProvider(PROVIDER,
        resourceLoader.getClassLoader());
    URI uri = managerUri(binder, resourceLoader, provider);
    CacheManager manager = provider.getCacheManager(uri, resourceLoader.getClassLoader(),
        settings.managerProperties());
    try {
      List<String> names = binder.bind("spring.cache.cache-names", Bindable.listOf(String.class)).orElse(List.of());
      for (String name : names) {
        if (manager.getCache(name) == null) {
          manager.createCache(name, defaultConfiguration.getIfAvailable(() -> new MutableConfiguration<>()
              .setStatisticsEnabled(settings.statistics()).setManagementEnabled(settings.management())));
        }
      }
      if (settings.statistics()) {
        for (String name : manager.getCacheNames()) {
          manager.enableStatistics(name, true);
        }
      }
      customizers.orderedStream().forEach(customizer -> customizer.customize(manager));
      return manager;
    } catch (RuntimeException e) {
      manager.close();
      throw e;
    }
  }

  /** Boot's cache meters for Strata's caches, one binder per cache, with Strata's own figures beside them. */
  @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = {"io.micrometer.core.instrument.binder.MeterBinder",
      "org.springframework.boot.cache.metrics.JCacheCacheMeterBinderProvider",
      "org.springframework.cache.jcache.JCacheCache"})
  static class Metrics {

    @Bean
    @ConditionalOnMissingBean(StrataCacheMeterBinderProvider.class)
    StrataCacheMeterBinderProvider strataCacheMeterBinderProvider() {
      return new StrataCacheMeterBinderProvider();
    }
  }

  /** The {@code strata} health component: the Redis caches' state. */
  @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
  @ConditionalOnEnabledHealthIndicator("strata")
  static class Health {

    @Bean
    @ConditionalOnMissingBean(name = "strataHealthIndicator")
    StrataHealthIndicator strataHealthIndicator(ObjectProvider<CacheManager> managers) {
      return new StrataHealthIndicator(managers::getIfUnique);
    }
  }

  /**
   * The configuration file's URI ({@code classpath:} URIs as written, which the provider reads from
   * the class path, also inside a packaged jar), or a name of this application's own.
   */
  private static URI managerUri(Binder binder, ResourceLoader resourceLoader, CachingProvider provider)
      throws IOException {
    String config = binder.bind("spring.cache.jcache.config", String.class).orElse(null);
    if (config != null && !config.isBlank()) {
      if (config.startsWith("classpath:")) {
        return URI.create(config.trim());
      }
      return resourceLoader.getResource(config.trim()).getURI();
    }
    String application = binder.bind("spring.application.name", String.class).orElse(null);
    return application == null || application.isBlank() ? provider.getDefaultURI()
        : URI.create(provider.getDefaultURI() + "." + application.replaceAll("[^A-Za-z0-9._-]", "_"));
  }
}
