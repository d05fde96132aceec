package org.stratacache.jcache.internal.event;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.cache.configuration.Factory;
import javax.cache.configuration.MutableCacheEntryListenerConfiguration;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.CacheEntryEventFilter;
import javax.cache.event.CacheEntryListener;

/** A listener of every event type that records what it hears as text, for tests across cache managers. */
public final class Heard extends EveryEventListener<Object> {

  private final BlockingQueue<String> events = new LinkedBlockingQueue<>();

  /** A standard listener configuration of this listener. */
  public MutableCacheEntryListenerConfiguration<String, String> configuration(
      CacheEntryEventFilter<String, String> filter, boolean oldValue) {
    Factory<CacheEntryListener<? super String, ? super String>> factory = () -> this;
    Factory<CacheEntryEventFilter<? super String, ? super String>> filters = filter == null ? null : () -> filter;
    return new MutableCacheEntryListenerConfiguration<>(factory, filters, oldValue, false);
  }

  /** A listener configuration of this listener, with old values, for a cache of any value type. */
  public <V> MutableCacheEntryListenerConfiguration<String, V> configuration(Class<V> valueType) {
    Factory<CacheEntryListener<? super String, ? super V>> factory = () -> this;
    return new MutableCacheEntryListenerConfiguration<>(factory, null, true, false);
  }

  /** The next event heard, waiting up to 10 s for it. */
  public String next() throws InterruptedException {
    String event = events.poll(10, TimeUnit.SECONDS);
    if (event == null) {
      throw new AssertionError("no event within 10 s");
    }
    return event;
  }

  /** The next {@code count} events heard, waiting up to 10 s for each. */
  public List<String> take(int count) throws InterruptedException {
    List<String> heard = new ArrayList<>();
    while (heard.size() < count) {
      heard.add(next());
    }
    return heard;
  }

  /** Every event heard until one equal to {@code last} (included), waiting up to 10 s for each. */
  public List<String> until(String last) throws InterruptedException {
    List<String> heard = new ArrayList<>();
    String event;
    do {
      event = next();
      heard.add(event);
    } while (!event.equals(last));
    return heard;
  }

  /** Events heard so far and not taken. */
  public List<String> rest() {
    List<String> rest = new ArrayList<>();
    events.drainTo(rest);
    return rest;
  }

  @Override
  void record(Iterable<CacheEntryEvent<? extends String, ? extends Object>> batch) {
    for (CacheEntryEvent<? extends String, ? extends Object> event : batch) {
      events.add(event.getEventType() + " " + event.getKey() + "=" + event.getValue()
          + (event.isOldValueAvailable() ? " old=" + event.getOldValue() : ""));
    }
  }
}
