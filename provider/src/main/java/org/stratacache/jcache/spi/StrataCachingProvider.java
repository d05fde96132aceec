package org.stratacache.jcache.spi;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.WeakHashMap;
import javax.cache.CacheManager;
import javax.cache.configuration.OptionalFeature;
import javax.cache.spi.CachingProvider;
import org.stratacache.jcache.configuration.ManagerDefaults;
import org.stratacache.jcache.internal.spi.CacheManagerImpl;

/**
 * Strata Cache's JSR-107 provider, registered in {@code META-INF/services/javax.cache.spi.CachingProvider}
 * so that {@code Caching.getCachingProvider()} finds it. Managers are kept per class loader and
 * URI until closed; a closed manager is replaced by a new one on the next request.
 */
public final class StrataCachingProvider implements CachingProvider {

  private final Map<ClassLoader, Map<URI, CacheManagerImpl>> managers = new WeakHashMap<>();

  @Override
  public synchronized CacheManager getCacheManager(URI uri, ClassLoader classLoader, Properties properties) {
    URI managerUri = uri == null ? getDefaultURI() : uri;
    ClassLoader loader = classLoader == null ? getDefaultClassLoader() : classLoader;
    Map<URI, CacheManagerImpl> byUri = managers.computeIfAbsent(loader, ignored -> new HashMap<>());
    CacheManagerImpl manager = byUri.get(managerUri);
    if (manager == null || manager.isClosed()) {
      Properties copy = new Properties();
      if (properties != null) {
        copy.putAll(properties);
      }
      manager = new CacheManagerImpl(this, this::release, managerUri, loader, copy);
      byUri.put(managerUri, manager);
      try {
        manager.createDeclaredCaches();
      } catch (RuntimeException e) {
        manager.close();
        throw e;
      }
    }
    return manager;
  }

  @Override
  public CacheManager getCacheManager(URI uri, ClassLoader classLoader) {
    return getCacheManager(uri, classLoader, getDefaultProperties());
  }

  @Override
  public CacheManager getCacheManager() {
    return getCacheManager(getDefaultURI(), getDefaultClassLoader(), getDefaultProperties());
  }

  @Override
  public ClassLoader getDefaultClassLoader() {
    return getClass().getClassLoader();
  }

  @Override
  public URI getDefaultURI() {
    return URI.create(getClass().getName());
  }

  @Override
  public Properties getDefaultProperties() {
    return new Properties();
  }

  @Override
  public void close() {
    List<CacheManagerImpl> all = new ArrayList<>();
    synchronized (this) {
      managers.values().forEach(byUri -> all.addAll(byUri.values()));
      managers.clear();
    }
    all.forEach(CacheManagerImpl::close);
  }

  @Override
  public void close(ClassLoader classLoader) {
    Map<URI, CacheManagerImpl> byUri;
    synchronized (this) {
      byUri = managers.remove(classLoader == null ? getDefaultClassLoader() : classLoader);
    }
    if (byUri != null) {
      new ArrayList<>(byUri.values()).forEach(CacheManagerImpl::close);
    }
  }

  @Override
  public void close(URI uri, ClassLoader classLoader) {
    CacheManagerImpl manager;
    synchronized (this) {
      Map<URI, CacheManagerImpl> byUri = managers.get(classLoader == null ? getDefaultClassLoader() : classLoader);
      manager = byUri == null ? null : byUri.remove(uri == null ? getDefaultURI() : uri);
    }
    if (manager != null) {
      manager.close();
    }
  }

  /**
   * Store-by-reference is supported unless caches go to Redis by default (a Redis URI in the
   * {@code strata.redis-uri} system property or the {@code REDIS_URL} environment variable): Redis
   * always stores by value.
   */
  @Override
  public boolean isSupported(OptionalFeature feature) {
    if (feature != OptionalFeature.STORE_BY_REFERENCE) {
      return false;
    }
    try {
      return ManagerDefaults.of(null).redisUri() == null;
    } catch (IllegalArgumentException malformed) {
      return false;  // a Redis URI is set, if unusable: caches would go to Redis, which stores by value
    }
  }

  /** Forgets a manager that closed itself. */
  private synchronized void release(CacheManagerImpl manager) {
    Map<URI, CacheManagerImpl> byUri = managers.get(manager.getClassLoader());
    if (byUri != null) {
      byUri.remove(manager.getURI(), manager);
      if (byUri.isEmpty()) {
        managers.remove(manager.getClassLoader());
      }
    }
  }
}
