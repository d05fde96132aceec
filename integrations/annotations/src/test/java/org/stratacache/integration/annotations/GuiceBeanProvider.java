package org.stratacache.integration.annotations;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.TreeSet;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.annotation.BeanProvider;
import javax.cache.spi.CachingProvider;
import manager.CacheNameOnEachMethodBlogManagerImpl;
import manager.ClassLevelCacheConfigBlogManagerImpl;
import manager.UsingDefaultCacheNameBlogManagerImpl;
import org.jsr107.ri.annotations.guice.module.CacheAnnotationsModule;
import org.stratacache.jcache.configuration.StoreType;
import org.stratacache.jcache.configuration.StrataConfiguration;

/**
 * The bean provider the TCK's annotation tests look up with ServiceLoader: a Guice injector with
 * the JSR-107 reference interceptors, the TCK's blog managers, and the default {@code CacheManager}
 * of whatever provider is on the class path (Strata Cache here). Every bean it hands out is written
 * to a report file, so a later check can prove the tests really ran.
 */
public final class GuiceBeanProvider implements BeanProvider {

  static {
    // one provider per test JVM: a report left by an earlier build must not count for this one
    String file = System.getProperty("strata.annotation.report");
    if (file != null) {
      try {
        Files.deleteIfExists(Path.of(file));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private final Injector injector = Guice.createInjector(new AbstractModule() {
    @Override
    protected void configure() {
      install(new CacheAnnotationsModule());
      bind(CacheNameOnEachMethodBlogManagerImpl.class);
      bind(ClassLevelCacheConfigBlogManagerImpl.class);
      bind(UsingDefaultCacheNameBlogManagerImpl.class);
      bind(CacheManager.class).toProvider(() -> {
        CachingProvider provider = Caching.getCachingProvider();
        return provider.getCacheManager(provider.getDefaultURI(), provider.getDefaultClassLoader());
      });
    }
  });

  @Override
  public <T> T getBeanByType(Class<T> beanClass) {
    T bean = injector.getInstance(beanClass);
    report(beanClass.getName() + " from " + Caching.getCachingProvider().getClass().getName() + " stores "
        + storesInUse(injector.getInstance(CacheManager.class)));
    return bean;
  }

  /** The stores of the caches the earlier tests left in the default manager: proof of memory or Redis. */
  private static Set<StoreType> storesInUse(CacheManager manager) {
    Set<StoreType> stores = new TreeSet<>();
    for (String name : manager.getCacheNames()) {
      Cache<?, ?> cache = manager.getCache(name);
      if (cache != null) {
        stores.add(cache.getConfiguration(StrataConfiguration.class).getStoreType());
      }
    }
    return stores;
  }

  private static void report(String line) {
    String file = System.getProperty("strata.annotation.report");
    if (file == null) {
      return;
    }
    try {
      Files.writeString(Path.of(file), line + System.lineSeparator(), StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
