package org.stratacache.bench.peers;

import java.io.Serializable;
import java.util.Map;
import java.util.Set;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.processor.EntryProcessor;
import javax.cache.processor.MutableEntry;

/** A contender that is a JCache provider: every operation goes through the standard API. */
final class JCacheOps implements CacheOps {

  private final CacheManager manager;
  private final Cache<String, String> cache;
  private final Cache<String, Long> counters;
  private final AutoCloseable extra;

  JCacheOps(CacheManager manager, Cache<String, String> cache, Cache<String, Long> counters, AutoCloseable extra) {
    this.manager = manager;
    this.cache = cache;
    this.counters = counters;
    this.extra = extra;
  }

  @Override
  public String get(String key) {
    return cache.get(key);
  }

  @Override
  public void put(String key, String value) {
    cache.put(key, value);
  }

  @Override
  public Map<String, String> getAll(Set<String> keys) {
    return cache.getAll(keys);
  }

  @Override
  public void putAll(Map<String, String> entries) {
    cache.putAll(entries);
  }

  @Override
  public long increment(String key) {
    return counters.invoke(key, Increment.INSTANCE);
  }

  @Override
  public void clear() {
    cache.clear();
    counters.clear();
  }

  @Override
  public void close() {
    manager.close();
    if (extra != null) {
      try {
        extra.close();
      } catch (Exception e) {
        throw new IllegalStateException("Cannot close " + extra, e);
      }
    }
  }

  /** Adds one to the counter, creating it at 1; serializable for the providers that ship it to Redis. */
  static final class Increment implements EntryProcessor<String, Long, Long>, Serializable {
    static final Increment INSTANCE = new Increment();
    private static final long serialVersionUID = 1L;

    @Override
    public Long process(MutableEntry<String, Long> entry, Object... arguments) {
      long next = entry.exists() ? entry.getValue() + 1 : 1L;
      entry.setValue(next);
      return next;
    }

    private Object readResolve() {
      return INSTANCE;
    }
  }
}
