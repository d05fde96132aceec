package org.stratacache.integration.spring;

import java.net.URI;
import java.util.List;
import java.util.Properties;
import javax.cache.CacheManager;
import javax.cache.Caching;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.jcache.JCacheCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Plain Spring caching over JCache: the provider is found by {@code Caching.getCachingProvider()},
 * the manager's URI names a Strata configuration file ({@code cache.config}) that declares the caches,
 * and the {@code strata.*} properties present in the environment are handed over as manager properties.
 */
// tag::spring-configuration[]
@Configuration
@EnableCaching
public class CachingConfiguration {

  /** Manager properties passed through when the environment has them. */
  static final List<String> PROVIDER_PROPERTIES = List.of("strata.redis-uri", "strata.key-prefix");

  @Bean(destroyMethod = "close")
  CacheManager jcacheManager(Environment environment) {
    Properties properties = new Properties();
    for (String name : PROVIDER_PROPERTIES) {
      String value = environment.getProperty(name);
      if (value != null) {
        properties.setProperty(name, value);
      }
    }
    URI config = URI.create(environment.getRequiredProperty("cache.config"));
    return Caching.getCachingProvider().getCacheManager(config, CachingConfiguration.class.getClassLoader(),
        properties);
  }

  @Bean
  JCacheCacheManager cacheManager(CacheManager jcacheManager) {
    return new JCacheCacheManager(jcacheManager);
  }
  // end::spring-configuration[]

  @Bean
  BookService bookService() {
    return new BookService();
  }
}
