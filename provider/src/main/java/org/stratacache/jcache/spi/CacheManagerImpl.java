package org.stratacache.jcache.spi;

import java.lang.ref.WeakReference;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.Configuration;
import javax.cache.spi.CachingProvider;
import org.stratacache.jcache.configuration.ConfigurationValidator;
import org.stratacache.jcache.configuration.StrataConfiguration;
import org.stratacache.jcache.proxy.CacheCore;
import org.stratacache.jcache.store.StoreProvider;
import org.stratacache.jcache.store.memory.MemoryStoreProvider;

/**
 * A JSR-107 cache manager: creates, finds, destroys and closes the caches of one URI and class
 * loader. Thread-safe.
 */
public final class CacheManagerImpl implements CacheManager {

  private final StrataCachingProvider provider;
  private final URI uri;
  private final WeakReference<ClassLoader> classLoader;
  private final Properties properties;
  private final ConcurrentMap<String, CacheCore<?, ?>> caches = new ConcurrentHashMap<>();
  private final Object creationLock = new Object();
  private final StoreProvider stores = new MemoryStoreProvider();
  private final ExecutorService executor;
  private volatile boolean closed;

  CacheManagerImpl(StrataCachingProvider provider, URI uri, ClassLoader classLoader, Properties properties) {
    this.provider = provider;
    this.uri = uri;
    this.classLoader = new WeakReference<>(classLoader);
    this.properties = properties;
    this.executor = Executors.newCachedThreadPool(new DaemonThreads("strata-cache-" + uri));
  }

  @Override
  public CachingProvider getCachingProvider() {
    return provider;
  }

  @Override
  public URI getURI() {
    return uri;
  }

  @Override
  public ClassLoader getClassLoader() {
    return classLoader.get();
  }

  @Override
  public Properties getProperties() {
    return properties;
  }

  @Override
  public <K, V, C extends Configuration<K, V>> Cache<K, V> createCache(String cacheName, C configuration) {
    checkOpen();
    Objects.requireNonNull(cacheName, "cacheName");
    Objects.requireNonNull(configuration, "configuration");
    StrataConfiguration<K, V> resolved = StrataConfiguration.from(configuration).build();
    ConfigurationValidator.validate(cacheName, resolved);
    synchronized (creationLock) {
      if (caches.containsKey(cacheName)) {
        throw new CacheException("A cache named '" + cacheName + "' already exists in " + uri);
      }
      AtomicReference<CacheCore<K, V>> created = new AtomicReference<>();
      created.set(new CacheCore<>(cacheName, this, resolved, stores, executor,
          () -> caches.remove(cacheName, created.get())));
      caches.put(cacheName, created.get());
      return created.get().proxy();
    }
  }

  @Override
  public <K, V> Cache<K, V> getCache(String cacheName, Class<K> keyType, Class<V> valueType) {
    checkOpen();
    Objects.requireNonNull(cacheName, "cacheName");
    Objects.requireNonNull(keyType, "keyType");
    Objects.requireNonNull(valueType, "valueType");
    CacheCore<?, ?> core = caches.get(cacheName);
    if (core == null) {
      return null;
    }
    StrataConfiguration<?, ?> configuration = core.configuration();
    if (!configuration.getKeyType().equals(keyType)) {
      throw new ClassCastException("Cache '" + cacheName + "' was created with keys of "
          + configuration.getKeyType().getName() + ", not " + keyType.getName());
    }
    if (!configuration.getValueType().equals(valueType)) {
      throw new ClassCastException("Cache '" + cacheName + "' was created with values of "
          + configuration.getValueType().getName() + ", not " + valueType.getName());
    }
    @SuppressWarnings("unchecked")
    Cache<K, V> cache = (Cache<K, V>) core.proxy();
    return cache;
  }

  @Override
  public <K, V> Cache<K, V> getCache(String cacheName) {
    checkOpen();
    Objects.requireNonNull(cacheName, "cacheName");
    @SuppressWarnings("unchecked")
    CacheCore<K, V> core = (CacheCore<K, V>) caches.get(cacheName);
    return core == null ? null : core.proxy();
  }

  @Override
  public Iterable<String> getCacheNames() {
    checkOpen();
    return Set.copyOf(caches.keySet());
  }

  @Override
  public void destroyCache(String cacheName) {
    checkOpen();
    Objects.requireNonNull(cacheName, "cacheName");
    CacheCore<?, ?> core = caches.get(cacheName);
    if (core != null) {
      core.destroy();
    }
  }

  @Override
  public void enableManagement(String cacheName, boolean enabled) {
    checkOpen();
    Objects.requireNonNull(cacheName, "cacheName");
    CacheCore<?, ?> core = caches.get(cacheName);
    if (core != null) {
      core.setManagementEnabled(enabled);
    }
  }

  @Override
  public void enableStatistics(String cacheName, boolean enabled) {
    checkOpen();
    Objects.requireNonNull(cacheName, "cacheName");
    CacheCore<?, ?> core = caches.get(cacheName);
    if (core != null) {
      core.setStatisticsEnabled(enabled);
    }
  }

  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    provider.release(this);
    List<CacheCore<?, ?>> all = new ArrayList<>(caches.values());
    all.forEach(CacheCore::close);
    caches.clear();
    executor.shutdown();
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public <T> T unwrap(Class<T> clazz) {
    if (clazz.isInstance(this)) {
      return clazz.cast(this);
    }
    throw new IllegalArgumentException("Cannot unwrap the cache manager to " + clazz.getName());
  }

  @Override
  public String toString() {
    return "StrataCacheManager{" + uri + "}";
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("Cache manager " + uri + " is closed");
    }
  }

  /** Daemon threads with a recognizable name, so a leak is easy to spot. */
  private static final class DaemonThreads implements ThreadFactory {

    private final String prefix;
    private final AtomicInteger count = new AtomicInteger();

    DaemonThreads(String prefix) {
      this.prefix = prefix;
    }

    @Override
    public Thread newThread(Runnable task) {
      Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }
  }
}
