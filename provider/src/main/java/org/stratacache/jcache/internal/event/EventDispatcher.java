package org.stratacache.jcache.internal.event;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import javax.cache.Cache;
import javax.cache.configuration.CacheEntryListenerConfiguration;
import javax.cache.event.CacheEntryListenerException;
import javax.cache.event.EventType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stratacache.jcache.internal.concurrent.OrderedExecutor;
import org.stratacache.jcache.store.RemoteEvents;

/**
 * Delivers cache entry events to the registered listeners.
 *
 * <p>Synchronous listeners are called on the thread of the operation, after the store applied it
 * and before the operation returns; their failures reach the caller as a
 * {@link CacheEntryListenerException}. Asynchronous listeners run on the manager's bounded listener
 * pool, in order per key and listener; when that pool's queue is full the publishing thread waits
 * for room (back-pressure), unless it is itself delivering an event.
 * Expiry events have no caller to block, so they are always delivered asynchronously.
 *
 * <p>A dispatcher that {@link #share shares} its events sends every create, update and removal to
 * the other JVMs, and delivers theirs (and the expirations the remote store reports) to its
 * listeners, asynchronously, through the same filters and in order per key.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class EventDispatcher<K, V> {

  private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);

  private final OrderedExecutor executor;
  private volatile Cache<K, V> source;
  private final List<ListenerRegistration<K, V>> registrations = new CopyOnWriteArrayList<>();
  private volatile Interest interest = Interest.NONE;
  private volatile Interest local = Interest.NONE;
  private volatile RemoteEvents<K, V> remote;

  /**
   * A dispatcher; {@link #bind} it to its cache before publishing.
   *
   * @param executor runs asynchronous deliveries, in order per key, waiting for room when full
   */
  public EventDispatcher(OrderedExecutor executor) {
    this.executor = executor;
  }

  /** Sets the cache that events come from. */
  public void bind(Cache<K, V> cache) {
    this.source = cache;
  }

  /**
   * Sends this cache's writes to other JVMs from now on, with their previous values (so writes ask
   * the store for them), and delivers the events of other JVMs to the listeners. Closed with this
   * dispatcher.
   */
  public synchronized void share(RemoteEvents<K, V> remoteEvents) {
    this.remote = remoteEvents;
    recompute();
    remoteEvents.start(new Incoming());
  }

  private void recompute() {
    local = Interest.of(registrations);
    interest = remote == null ? local : local.withWrites();
  }

  /**
   * Registers a listener.
   *
   * @throws IllegalArgumentException when an equal configuration is already registered
   */
  public synchronized void register(CacheEntryListenerConfiguration<K, V> configuration) {
    for (ListenerRegistration<K, V> registration : registrations) {
      if (registration.configuration().equals(configuration)) {
        throw new IllegalArgumentException("A listener with this configuration is already registered: "
            + configuration);
      }
    }
    registrations.add(new ListenerRegistration<>(configuration));
    recompute();
  }

  /** Deregisters the listener registered with an equal configuration, if any. */
  public synchronized void deregister(CacheEntryListenerConfiguration<K, V> configuration) {
    for (ListenerRegistration<K, V> registration : registrations) {
      if (registration.configuration().equals(configuration)) {
        registrations.remove(registration);
        registration.close();
      }
    }
    recompute();
  }

  /** The configurations of the registered listeners. */
  public List<CacheEntryListenerConfiguration<K, V>> configurations() {
    List<CacheEntryListenerConfiguration<K, V>> result = new ArrayList<>();
    registrations.forEach(registration -> result.add(registration.configuration()));
    return result;
  }

  /** Whether any listener hears events of {@code type}. */
  public boolean hasListeners(EventType type) {
    return interest.listens(type);
  }

  /** Whether any listener of {@code type} needs the old value. */
  public boolean needsOldValue(EventType type) {
    return interest.needsOld(type);
  }

  /** Publishes a created entry. */
  public void created(K key, V value) {
    publish(EventType.CREATED, key, value, null);
  }

  /** Publishes an updated entry. */
  public void updated(K key, V value, V oldValue) {
    publish(EventType.UPDATED, key, value, oldValue);
  }

  /** Publishes a removed entry. */
  public void removed(K key, V oldValue) {
    publish(EventType.REMOVED, key, oldValue, oldValue);
  }

  /** Publishes an expired entry, asynchronously to every listener. */
  public void expired(K key, V oldValue) {
    if (!interest.listens(EventType.EXPIRED)) {
      return;
    }
    for (ListenerRegistration<K, V> registration : registrations) {
      if (registration.listensTo(EventType.EXPIRED)) {
        later(registration, event(registration, EventType.EXPIRED, key, oldValue, oldValue, true));
      }
    }
  }

  private void publish(EventType type, K key, V value, V oldValue) {
    if (!interest.listens(type)) {
      return;
    }
    RemoteEvents<K, V> shared = remote;
    if (shared != null) {
      shared.publish(type, key, type == EventType.REMOVED ? null : value, oldValue);
    }
    RuntimeException failure = null;
    for (ListenerRegistration<K, V> registration : registrations) {
      if (!registration.listensTo(type)) {
        continue;
      }
      StrataCacheEntryEvent<K, V> event = event(registration, type, key, value, oldValue, true);
      if (!registration.isSynchronous()) {
        later(registration, event);
        continue;
      }
      try {
        registration.deliver(event);
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure instanceof CacheEntryListenerException
          ? failure : new CacheEntryListenerException("A cache entry listener failed", failure);
    }
  }

  private StrataCacheEntryEvent<K, V> event(ListenerRegistration<K, V> registration, EventType type,
                                            K key, V value, V oldValue, boolean oldKnown) {
    boolean withOld = oldKnown && registration.isOldValueRequired();
    switch (type) {
      case CREATED:
        return new StrataCacheEntryEvent<>(source, type, key, value, null, false);
      case UPDATED:
        return new StrataCacheEntryEvent<>(source, type, key, value, withOld ? oldValue : null, withOld);
      default:
        return withOld
            ? new StrataCacheEntryEvent<>(source, type, key, oldValue, oldValue, true)
            : new StrataCacheEntryEvent<>(source, type, key, null, null, false);
    }
  }

  private void later(ListenerRegistration<K, V> registration, StrataCacheEntryEvent<K, V> event) {
    try {
      registration.deliverLater(event, executor);
    } catch (RejectedExecutionException e) {
      LOG.debug("Dropped {}: {}", event, e.getMessage());
    }
  }

  /** Stops sharing events and closes every listener and filter that is closeable. */
  public synchronized void close() {
    RemoteEvents<K, V> shared = remote;
    remote = null;
    if (shared != null) {
      shared.close();
    }
    registrations.forEach(ListenerRegistration::close);
    registrations.clear();
    recompute();
  }

  /** Events of other JVMs: delivered like expirations, asynchronously, as nobody here waits for them. */
  private final class Incoming implements RemoteEvents.Receiver<K, V> {

    @Override
    public boolean hears(EventType type) {
      return local.listens(type);
    }

    @Override
    public void receive(EventType type, K key, V value, V oldValue, boolean oldKnown) {
      for (ListenerRegistration<K, V> registration : registrations) {
        if (registration.listensTo(type)) {
          V shown = type == EventType.REMOVED || type == EventType.EXPIRED ? oldValue : value;
          later(registration, event(registration, type, key, shown, oldValue, oldKnown));
        }
      }
    }
  }

  /** Which event types anyone listens to, recomputed on (de)registration so publishing is cheap. */
  private record Interest(int listening, int oldValues) {

    static final Interest NONE = new Interest(0, 0);

    static <K, V> Interest of(List<ListenerRegistration<K, V>> registrations) {
      int listening = 0;
      int oldValues = 0;
      for (ListenerRegistration<K, V> registration : registrations) {
        for (EventType type : EventType.values()) {
          if (registration.listensTo(type)) {
            listening |= 1 << type.ordinal();
            if (registration.isOldValueRequired()) {
              oldValues |= 1 << type.ordinal();
            }
          }
        }
      }
      return new Interest(listening, oldValues);
    }

    boolean listens(EventType type) {
      return (listening & (1 << type.ordinal())) != 0;
    }

    boolean needsOld(EventType type) {
      return (oldValues & (1 << type.ordinal())) != 0;
    }

    /** This interest plus every write with its previous value, as other JVMs may want them. */
    Interest withWrites() {
      int writes = (1 << EventType.CREATED.ordinal()) | (1 << EventType.UPDATED.ordinal())
          | (1 << EventType.REMOVED.ordinal());
      int previous = (1 << EventType.UPDATED.ordinal()) | (1 << EventType.REMOVED.ordinal());
      return new Interest(listening | writes, oldValues | previous);
    }
  }
}
