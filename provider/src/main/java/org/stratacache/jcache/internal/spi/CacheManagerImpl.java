package org.stratacache.jcache.internal.spi;

import java.lang.ref.WeakReference;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.Configuration;
import javax.cache.spi.CachingProvider;
import org.stratacache.jcache.CacheExtension;
import org.stratacache.jcache.configuration.StoreType;
import org.stratacache.jcache.configuration.StrataConfiguration;
import org.stratacache.jcache.internal.concurrent.ManagerThreads;
import org.stratacache.jcache.internal.config.ConfigurationFile;
import org.stratacache.jcache.internal.config.ManagerDefaults;
import org.stratacache.jcache.internal.proxy.CacheCore;
import org.stratacache.jcache.internal.store.memory.MemoryStoreProvider;
import org.stratacache.jcache.internal.store.redis.RedisConnector;
import org.stratacache.jcache.internal.store.redis.RedisStoreProvider;
import org.stratacache.jcache.store.StoreProvider;

/**
 * A JSR-107 cache manager: creates, finds, destroys and closes the caches of one URI and class
 * loader. Thread-safe. Creating a cache and closing the manager are ordered: a cache is created
 * entirely before the manager closes (and is then closed with it), or not at all, since a closing
 * manager refuses to create caches.
 */
public final class CacheManagerImpl implements CacheManager {

  private final CachingProvider provider;
  private final Consumer<CacheManagerImpl> onClose;
  private final URI uri;
  private final WeakReference<ClassLoader> classLoader;
  private final Properties properties;
  private final ConcurrentMap<String, CacheCore<?, ?>> caches = new ConcurrentHashMap<>();
  private final Object creationLock = new Object();
  private final StoreProvider memory = new MemoryStoreProvider();
  private final ManagerDefaults defaults;
  private final ConfigurationFile file;
  private final ManagerThreads threads;
  private final List<CacheExtension> extensions = new ArrayList<>();
  private RedisConnector redisConnector;
  private volatile boolean closed;

  /** A manager of {@code provider}'s; {@code onClose} is told once when it closes, so the provider forgets it. */
  public CacheManagerImpl(CachingProvider provider, Consumer<CacheManagerImpl> onClose, URI uri,
      ClassLoader classLoader, Properties properties) {
    this.provider = provider;
    this.onClose = onClose;
    this.uri = uri;
    this.classLoader = new WeakReference<>(classLoader);
    this.properties = properties;
    // the caches of the file the URI names and those the properties declare (strata.caches.<name>.<key>)
    this.file = ConfigurationFile.isConfigurationUri(uri) || ConfigurationFile.declaresCaches(properties)
        ? ConfigurationFile.load(uri, classLoader, properties) : null;
    this.defaults = file == null ? ManagerDefaults.of(properties)
        : ManagerDefaults.of(properties).withFile(file.name(), file.defaults(), file.extensionDefaults(), classLoader);
    this.threads = new ManagerThreads(defaults.threads(), String.valueOf(uri));
    ServiceLoader.load(CacheExtension.class, classLoader == null ? getClass().getClassLoader() : classLoader)
        .forEach(extensions::add);
  }

  /**
   * Creates the caches the manager's configuration file declares; called once, right after the
   * manager is made.
   *
   * @throws IllegalArgumentException naming the file and the cache when one cannot be created
   */
  public void createDeclaredCaches() {
    if (file == null) {
      return;
    }
    file.caches().forEach((name, configuration) -> {
      try {
        createCache(name, configuration);
      } catch (IllegalArgumentException | UnsupportedOperationException e) {
        throw new IllegalArgumentException("Configuration " + file.name() + ", cache " + name + ": "
            + e.getMessage(), e);
      } catch (CacheException e) {
        throw new CacheException("Configuration " + file.name() + ", cache " + name + ": " + e.getMessage(), e);
      }
    });
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
    StrataConfiguration<K, V> resolved = resolve(cacheName, configuration);
    synchronized (creationLock) {
      checkOpen();  // close() marks the manager closed under this lock: nothing is created after it
      if (caches.containsKey(cacheName)) {
        throw new CacheException("A cache named '" + cacheName + "' already exists in " + uri);
      }
      StoreProvider stores = resolved.getStoreType() == StoreType.REDIS ? redis() : memory;
      AtomicReference<CacheCore<K, V>> created = new AtomicReference<>();
      created.set(new CacheCore<>(cacheName, this, resolved, stores, threads,
          () -> caches.remove(cacheName, created.get())));
      caches.put(cacheName, created.get());
      return created.get().proxy();
    }
  }

  private <K, V> StrataConfiguration<K, V> resolve(String cacheName, Configuration<K, V> configuration) {
    return defaults.resolve(cacheName, configuration, extensions);
  }

  private synchronized StoreProvider redis() {
    if (redisConnector == null) {
      redisConnector = new RedisConnector();
    }
    return new RedisStoreProvider(redisConnector, getClassLoader(), threads.background(), threads.inbound());
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
    synchronized (creationLock) {  // waits for a cache being created: it is closed below with the others
      if (closed) {
        return;
      }
      closed = true;
    }
    onClose.accept(this);
    RuntimeException failure = null;
    for (CacheCore<?, ?> core : new ArrayList<>(caches.values())) {
      try {
        core.close();
      } catch (RuntimeException e) {  // the other caches, the threads and Redis are closed all the same
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    caches.clear();
    threads.close();
    synchronized (this) {
      if (redisConnector != null) {
        redisConnector.close();
        redisConnector = null;
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  /**
   * This manager, or for advanced use the Lettuce {@code RedisConnector}, {@code RedisClient} or
   * {@code ClientResources} its Redis caches share (available once a Redis cache exists).
   */
  @Override
  public <T> T unwrap(Class<T> clazz) {
    if (clazz.isInstance(this)) {
      return clazz.cast(this);
    }
    synchronized (this) {
      if (redisConnector != null) {
        for (Object candidate : new Object[] {redisConnector, redisConnector.client(), redisConnector.resources()}) {
          if (clazz.isInstance(candidate)) {
            return clazz.cast(candidate);
          }
        }
      }
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
}
