package org.stratacache.jcache.internal.integration;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.cache.Cache;
import javax.cache.integration.CacheWriter;
import javax.cache.integration.CacheWriterException;
import org.stratacache.jcache.internal.Messages;
import org.stratacache.jcache.store.WriteHook;

/**
 * Calls the configured {@link CacheWriter}, wrapping anything it throws in a
 * {@link CacheWriterException}, and applies the partial-success rule of the batch methods: after a
 * failed {@code writeAll}/{@code deleteAll}, only what the writer took out of the collection was
 * written, so only that is applied to the cache.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class WriteThrough<K, V> {

  private final CacheWriter<K, V> writer;

  /** Wraps {@code writer}. */
  @SuppressWarnings("unchecked")
  public WriteThrough(CacheWriter<? super K, ? super V> writer) {
    // a writer of supertypes accepts our entries; the cast only widens what the compiler can prove
    this.writer = (CacheWriter<K, V>) writer;
  }

  /** The wrapped writer. */
  public CacheWriter<? super K, ? super V> writer() {
    return writer;
  }

  /** Writes one entry. */
  public void write(K key, V value) {
    try {
      writer.write(new WriteEntry<>(key, value));
    } catch (RuntimeException e) {
      throw wrap(e, "write " + Messages.shorten(key));
    }
  }

  /** Deletes one key. */
  public void delete(K key) {
    try {
      writer.delete(key);
    } catch (RuntimeException e) {
      throw wrap(e, "delete " + Messages.shorten(key));
    }
  }

  /** A hook that writes {@code key} inside a store's atomic write. */
  public WriteHook<V> hookFor(K key, V value) {
    return new WriteHook<>() {
      @Override
      public void beforeWrite(V ignored) {
        write(key, value);
      }

      @Override
      public void beforeDelete() {
        delete(key);
      }
    };
  }

  /**
   * Writes every entry.
   *
   * @return what was written and what failed
   */
  public Batch<K> writeAll(Map<? extends K, ? extends V> entries) {
    List<Cache.Entry<? extends K, ? extends V>> pending = new ArrayList<>(entries.size());
    entries.forEach((key, value) -> pending.add(new WriteEntry<>(key, value)));
    Set<K> all = new LinkedHashSet<>(entries.keySet());
    try {
      writer.writeAll(pending);
      return new Batch<>(all, null);
    } catch (RuntimeException e) {
      for (Cache.Entry<? extends K, ? extends V> notWritten : pending) {
        all.remove(notWritten.getKey());
      }
      return new Batch<>(all, wrap(e, "write " + entries.size() + " entries"));
    }
  }

  /**
   * Deletes every key.
   *
   * @return what was deleted and what failed
   */
  public Batch<K> deleteAll(Collection<? extends K> keys) {
    Set<K> all = new LinkedHashSet<>(keys);
    List<Object> pending = new ArrayList<>(keys);
    try {
      writer.deleteAll(pending);
      return new Batch<>(all, null);
    } catch (RuntimeException e) {
      all.removeAll(pending);
      return new Batch<>(all, wrap(e, "delete " + keys.size() + " keys"));
    }
  }

  private static CacheWriterException wrap(RuntimeException e, String what) {
    return e instanceof CacheWriterException
        ? (CacheWriterException) e : new CacheWriterException("The CacheWriter failed to " + what, e);
  }

  /**
   * The outcome of a batch write: the keys done, and the failure to report after applying them.
   *
   * @param done    keys the writer wrote or deleted
   * @param failure the exception to throw once {@code done} was applied, or {@code null}
   * @param <K>     the key type
   */
  public record Batch<K>(Set<K> done, CacheWriterException failure) {

    /** Throws the failure, if any. */
    public void rethrow() {
      if (failure != null) {
        throw failure;
      }
    }
  }

  /** The entry handed to the writer. */
  private record WriteEntry<K, V>(K getKey, V getValue) implements Cache.Entry<K, V> {

    @Override
    public <T> T unwrap(Class<T> clazz) {
      if (clazz.isInstance(this)) {
        return clazz.cast(this);
      }
      throw new IllegalArgumentException("Cannot unwrap a cache entry to " + clazz.getName());
    }
  }
}
