package org.stratacache.jcache.internal.proxy;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Phaser;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.cache.CacheManager;
import javax.cache.configuration.CacheEntryListenerConfiguration;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.configuration.Configuration;
import javax.cache.configuration.Factory;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.ExpiryPolicy;
import javax.cache.integration.CacheLoader;
import javax.cache.integration.CacheWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stratacache.jcache.CacheExtension;
import org.stratacache.jcache.configuration.StrataConfiguration;
import org.stratacache.jcache.internal.concurrent.ManagerThreads;
import org.stratacache.jcache.internal.config.StoreContexts;
import org.stratacache.jcache.internal.copy.Copier;
import org.stratacache.jcache.internal.copy.KryoCopier;
import org.stratacache.jcache.internal.event.EventDispatcher;
import org.stratacache.jcache.internal.expiry.PolicyExpiry;
import org.stratacache.jcache.internal.integration.ReadThrough;
import org.stratacache.jcache.internal.integration.WriteThrough;
import org.stratacache.jcache.internal.management.CacheConfigurationBean;
import org.stratacache.jcache.internal.management.CacheStatistics;
import org.stratacache.jcache.internal.management.StoreStatistics;
import org.stratacache.jcache.management.MBeans;
import org.stratacache.jcache.store.Store;
import org.stratacache.jcache.store.StoreContext;
import org.stratacache.jcache.store.StoreEventSink;
import org.stratacache.jcache.store.StoreProvider;

/**
 * The state one cache's proxies share: its store, configuration, loader and writer, listeners,
 * statistics and lifecycle. {@link CacheProxy} holds the rules; this holds the parts.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class CacheCore<K, V> {

  private static final Logger LOG = LoggerFactory.getLogger(CacheCore.class);
  private static final long LOAD_DRAIN_SECONDS = 10;

  private final String name;
  private final CacheManager manager;
  private final StrataConfiguration<K, V> configuration;
  private final Executor loads;
  /** The asynchronous loads still running: close waits for them before it closes the loader. */
  private final Phaser running = new Phaser(1);
  private final AtomicBoolean loadsDrained = new AtomicBoolean();
  private final Runnable onClose;
  private final Copier copier;
  private final ExpiryPolicy expiryPolicy;
  private final ReadThrough<K, V> loader;
  private final WriteThrough<K, V> writer;
  private final CacheStatistics statistics = new CacheStatistics();
  private final EventDispatcher<K, V> events;
  private final Store<K, V> store;
  private final CacheProxy<K, V> proxy;
  private final Map<Class<?>, Object> extensions = new ConcurrentHashMap<>();
  private volatile boolean managementEnabled;
  private volatile boolean closed;

  /**
   * Builds a cache; when that fails, closes whatever it opened (store, Redis connections, loader,
   * writer, listeners, beans) before it throws.
   *
   * @param name          the cache's name
   * @param manager       the manager it belongs to
   * @param configuration its validated configuration
   * @param stores        creates its store
   * @param threads       the manager's pools: asynchronous listeners, {@code loadAll}
   * @param onClose       tells the manager the cache is gone
   */
  public CacheCore(String name, CacheManager manager, StrataConfiguration<K, V> configuration,
                   StoreProvider stores, ManagerThreads threads, Runnable onClose) {
    this.name = name;
    this.manager = manager;
    this.configuration = configuration;
    this.loads = threads.loaders();
    this.onClose = onClose;
    this.copier = configuration.isStoreByValue() && !stores.isolatesValues()
        ? new KryoCopier(manager.getClassLoader(), configuration.getSerialization().limits()) : Copier.IDENTITY;
    this.events = new EventDispatcher<>(threads.listeners());
    HalfBuilt opened = new HalfBuilt();
    try {
      this.expiryPolicy = opened.add(configuration.getExpiryPolicyFactory().create());
      CacheLoader<K, V> cacheLoader = opened.add(create(configuration.getCacheLoaderFactory()));
      this.loader = cacheLoader == null ? null : new ReadThrough<>(cacheLoader);
      CacheWriter<? super K, ? super V> cacheWriter = configuration.isWriteThrough()
          ? opened.add(create(configuration.getCacheWriterFactory())) : null;
      this.writer = cacheWriter == null ? null : new WriteThrough<>(cacheWriter);
      opened.undo(events::close);
      for (CacheEntryListenerConfiguration<K, V> listener : configuration.getCacheEntryListenerConfigurations()) {
        events.register(listener);
      }
      StoreContext<K, V> context = StoreContexts.of(name, configuration, stores, new Sink());
      this.store = opened.add(stores.createStore(context));
      this.proxy = new CacheProxy<>(this, PolicyExpiry.of(expiryPolicy), Set.of());
      events.bind(proxy);
      opened.undo(() -> MBeans.unregister(proxy, MBeans.Type.CacheStatistics));
      opened.undo(() -> MBeans.unregister(proxy, MBeans.Type.StoreStatistics));
      opened.undo(() -> MBeans.unregister(proxy, MBeans.Type.CacheConfiguration));
      if (configuration.getEvents().isRemote()) {
        events.share(stores.remoteEvents(context));
      }
      setStatisticsEnabled(configuration.isStatisticsEnabled());
      setManagementEnabled(configuration.isManagementEnabled());
    } catch (RuntimeException e) {
      opened.closeAll(e);
      throw e;
    }
  }

  private static <T> T create(Factory<T> factory) {
    return factory == null ? null : factory.create();
  }

  /** The cache as the application sees it. */
  public CacheProxy<K, V> proxy() {
    return proxy;
  }

  String name() {
    return name;
  }

  CacheManager manager() {
    return manager;
  }

  Store<K, V> store() {
    return store;
  }

  Copier copier() {
    return copier;
  }

  Class<K> keyType() {
    return configuration.getKeyType();
  }

  Class<V> valueType() {
    return configuration.getValueType();
  }

  /** The loader for read-through, or {@code null} when the cache does not read through. */
  ReadThrough<K, V> readThrough() {
    return configuration.isReadThrough() ? loader : null;
  }

  /** The loader for {@code loadAll}, configured or not for read-through; may be {@code null}. */
  ReadThrough<K, V> loader() {
    return loader;
  }

  /** The writer, or {@code null} when the cache does not write through. */
  WriteThrough<K, V> writer() {
    return writer;
  }

  CacheStatistics statistics() {
    return statistics;
  }

  EventDispatcher<K, V> events() {
    return events;
  }

  /**
   * Runs a {@code loadAll} on the executor. Closing the cache waits for it (up to
   * {@value #LOAD_DRAIN_SECONDS} s), so a loader is never used after it was closed.
   */
  void runLoad(Runnable load) {
    running.register();
    try {
      loads.execute(() -> {
        try {
          load.run();
        } finally {
          running.arriveAndDeregister();
        }
      });
    } catch (RejectedExecutionException e) {
      running.arriveAndDeregister();
      throw new IllegalStateException("Cache '" + name + "' is closed", e);
    }
  }

  private void awaitLoads() {
    if (!loadsDrained.compareAndSet(false, true)) {
      return;
    }
    int phase = running.arriveAndDeregister();
    try {
      running.awaitAdvanceInterruptibly(phase, LOAD_DRAIN_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (TimeoutException e) {
      LOG.warn("Cache '{}' closed while a loadAll was still running after {} s", name, LOAD_DRAIN_SECONDS);
    }
  }

  void checkOpen() {
    if (closed) {
      throw new IllegalStateException("Cache '" + name + "' is closed");
    }
  }

  boolean isClosed() {
    return closed;
  }

  /** The configuration as it is now (listeners and management flags change at runtime). */
  public StrataConfiguration<K, V> configuration() {
    return configuration.toBuilder()
        .statisticsEnabled(statistics.isEnabled())
        .managementEnabled(managementEnabled)
        .cacheEntryListenerConfigurations(events.configurations())
        .build();
  }

  <C extends Configuration<K, V>> C configuration(Class<C> type) {
    StrataConfiguration<K, V> current = configuration();
    if (type.isInstance(current)) {
      return type.cast(current);
    }
    if (type.isAssignableFrom(MutableConfiguration.class)) {
      return type.cast(new MutableConfiguration<>((CompleteConfiguration<K, V>) current));
    }
    throw new IllegalArgumentException("Configuration of type " + type.getName() + " is not available; use "
        + CompleteConfiguration.class.getName() + " or " + StrataConfiguration.class.getName());
  }

  /**
   * The extension object of {@code type} for this cache, created on first request by the first
   * {@link CacheExtension} that provides it, or {@code null} when none does.
   */
  <T> T extension(Class<T> type) {
    Object existing = extensions.get(type);
    if (existing != null) {
      return type.cast(existing);
    }
    synchronized (extensions) {
      checkOpen();
      Object created = extensions.get(type);
      if (created == null) {
        ClassLoader loader = manager.getClassLoader() == null
            ? CacheCore.class.getClassLoader() : manager.getClassLoader();
        for (CacheExtension extension : ServiceLoader.load(CacheExtension.class, loader)) {
          created = extension.extend(proxy, type);
          if (created != null) {
            extensions.put(type, created);
            break;
          }
        }
      }
      return type.cast(created);
    }
  }

  /** Starts or stops statistics and their MXBeans (the JSR-107 statistics and the store's figures). */
  public void setStatisticsEnabled(boolean enabled) {
    if (enabled) {
      MBeans.register(proxy, MBeans.Type.CacheStatistics, statistics);
      MBeans.register(proxy, MBeans.Type.StoreStatistics, new StoreStatistics(store::estimatedSize, store::metrics));
    } else {
      MBeans.unregister(proxy, MBeans.Type.CacheStatistics);
      MBeans.unregister(proxy, MBeans.Type.StoreStatistics);
    }
    statistics.setEnabled(enabled);
  }

  /** Registers or unregisters the configuration MXBean. */
  public void setManagementEnabled(boolean enabled) {
    if (enabled) {
      MBeans.register(proxy, MBeans.Type.CacheConfiguration, new CacheConfigurationBean(this::configuration));
    } else {
      MBeans.unregister(proxy, MBeans.Type.CacheConfiguration);
    }
    managementEnabled = enabled;
  }

  /** Closes the cache; a shared store keeps its data. */
  public void close() {
    awaitLoads();
    shutDown(false);
  }

  /** Closes the cache and removes its data from the store. */
  public void destroy() {
    awaitLoads();
    shutDown(true);
  }

  private synchronized void shutDown(boolean destroyData) {
    if (closed) {
      return;
    }
    closed = true;
    onClose.run();
    setStatisticsEnabled(false);
    setManagementEnabled(false);
    closeQuietly(loader == null ? null : loader.loader());
    closeQuietly(writer == null ? null : writer.writer());
    closeQuietly(expiryPolicy);
    extensions.values().forEach(CacheCore::closeQuietly);
    extensions.clear();
    events.close();
    if (destroyData) {
      store.destroy();
    } else {
      store.close();
    }
  }

  private static void closeQuietly(Object resource) {
    if (resource instanceof AutoCloseable) {
      try {
        ((AutoCloseable) resource).close();
      } catch (Exception e) {
        LOG.warn("Could not close {}", resource, e);
      }
    }
  }

  /** Counts the store's evictions and publishes its expirations. */
  private final class Sink implements StoreEventSink<K, V> {

    @Override
    public void onExpired(K key, V value) {
      events.expired(key, value);
    }

    @Override
    public void onEvicted(K key, V value) {
      statistics.recordEvictions(1);
    }
  }
}
