package org.stratacache.jcache.internal.event;

import java.util.List;
import java.util.Objects;
import javax.cache.configuration.CacheEntryListenerConfiguration;
import javax.cache.configuration.Factory;
import javax.cache.event.CacheEntryCreatedListener;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.CacheEntryEventFilter;
import javax.cache.event.CacheEntryExpiredListener;
import javax.cache.event.CacheEntryListener;
import javax.cache.event.CacheEntryRemovedListener;
import javax.cache.event.CacheEntryUpdatedListener;
import javax.cache.event.EventType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stratacache.jcache.internal.concurrent.OrderedExecutor;

/**
 * A registered listener with its filter and options. Asynchronous deliveries to it go through an
 * {@link OrderedExecutor} keyed by the event's key (and this registration), so events for one key
 * arrive in the order they were published.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class ListenerRegistration<K, V> {

  private static final Logger LOG = LoggerFactory.getLogger(ListenerRegistration.class);

  private final CacheEntryListenerConfiguration<K, V> configuration;
  private final CacheEntryListener<? super K, ? super V> listener;
  private final CacheEntryEventFilter<? super K, ? super V> filter;
  private final int seed = System.identityHashCode(this);

  ListenerRegistration(CacheEntryListenerConfiguration<K, V> configuration) {
    this.configuration = configuration;
    this.listener = configuration.getCacheEntryListenerFactory().create();
    Factory<CacheEntryEventFilter<? super K, ? super V>> filterFactory =
        configuration.getCacheEntryEventFilterFactory();
    this.filter = filterFactory == null ? null : filterFactory.create();
  }

  CacheEntryListenerConfiguration<K, V> configuration() {
    return configuration;
  }

  boolean isSynchronous() {
    return configuration.isSynchronous();
  }

  boolean isOldValueRequired() {
    return configuration.isOldValueRequired();
  }

  boolean listensTo(EventType type) {
    switch (type) {
      case CREATED:
        return listener instanceof CacheEntryCreatedListener;
      case UPDATED:
        return listener instanceof CacheEntryUpdatedListener;
      case REMOVED:
        return listener instanceof CacheEntryRemovedListener;
      case EXPIRED:
        return listener instanceof CacheEntryExpiredListener;
      default:
        return false;
    }
  }

  /** Filters and delivers on the calling thread; listener failures propagate. */
  @SuppressWarnings("unchecked")
  void deliver(CacheEntryEvent<K, V> event) {
    if (filter != null && !filter.evaluate(event)) {
      return;
    }
    Iterable<CacheEntryEvent<? extends K, ? extends V>> events = List.of(event);
    switch (event.getEventType()) {
      case CREATED:
        ((CacheEntryCreatedListener<K, V>) listener).onCreated(events);
        break;
      case UPDATED:
        ((CacheEntryUpdatedListener<K, V>) listener).onUpdated(events);
        break;
      case REMOVED:
        ((CacheEntryRemovedListener<K, V>) listener).onRemoved(events);
        break;
      case EXPIRED:
        ((CacheEntryExpiredListener<K, V>) listener).onExpired(events);
        break;
      default:
        throw new IllegalStateException("unknown event type " + event.getEventType());
    }
  }

  /**
   * Delivers on {@code executor} after every earlier event for the same key; failures are logged.
   *
   * @throws java.util.concurrent.RejectedExecutionException when the executor is closed
   */
  void deliverLater(CacheEntryEvent<K, V> event, OrderedExecutor executor) {
    executor.execute(31 * seed + Objects.hashCode(event.getKey()), () -> {
      try {
        deliver(event);
      } catch (RuntimeException e) {
        LOG.warn("Listener {} failed on {}", listener, event, e);
      }
    });
  }

  void close() {
    closeQuietly(listener);
    closeQuietly(filter);
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
}
