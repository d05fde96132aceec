package org.stratacache.jcache.internal.processor;

import javax.cache.CacheException;
import javax.cache.processor.EntryProcessor;
import javax.cache.processor.EntryProcessorException;
import org.stratacache.jcache.internal.copy.Copier;
import org.stratacache.jcache.internal.integration.ReadThrough;
import org.stratacache.jcache.internal.integration.WriteThrough;
import org.stratacache.jcache.store.Decision;
import org.stratacache.jcache.store.EntryExpiry;
import org.stratacache.jcache.store.Lifetime;
import org.stratacache.jcache.store.Remapping;
import org.stratacache.jcache.store.StoreEntry;

/**
 * One {@code invoke}: runs the processor against the current entry and turns what it did into a
 * single store decision, calling the writer for the change it makes. A remote store may run it
 * again when another writer got in first; only the last run counts.
 *
 * @param <K> the key type
 * @param <V> the value type
 * @param <T> the processor's result type
 */
public final class Invocation<K, V, T> implements Remapping<V, Invocation.Outcome<V, T>> {

  private final K key;
  private final EntryProcessor<K, V, T> processor;
  private final Object[] arguments;
  private final EntryExpiry expiry;
  private final Copier copier;
  private final ReadThrough<K, V> loader;
  private final WriteThrough<K, V> writer;

  /**
   * Prepares an invocation.
   *
   * @param loader the loader when the cache reads through, else {@code null}
   * @param writer the writer when the cache writes through, else {@code null}
   */
  public Invocation(K key, EntryProcessor<K, V, T> processor, Object[] arguments, EntryExpiry expiry,
                    Copier copier, ReadThrough<K, V> loader, WriteThrough<K, V> writer) {
    this.key = key;
    this.processor = processor;
    this.arguments = arguments;
    this.expiry = expiry;
    this.copier = copier;
    this.loader = loader;
    this.writer = writer;
  }

  @Override
  public Decision<V, Outcome<V, T>> remap(StoreEntry<V> current) {
    ProcessorEntry<K, V> entry = new ProcessorEntry<>(key, current, copier, loader);
    T result = process(entry);
    Operation operation = entry.operation();
    V old = current == null ? null : current.value();
    V value = entry.value();
    switch (operation) {
      case ACCESS:
        return Decision.touch(expiry.onAccess(), new Outcome<>(operation, current != null, old, null, result));
      case CREATE:
      case LOAD:
        if (operation == Operation.CREATE && writer != null) {
          writer.write(key, value);
        }
        return created(operation, value, result);
      case UPDATE:
        if (writer != null) {
          writer.write(key, value);
        }
        return Decision.put(copier.copy(value), expiry.onUpdate(), new Outcome<>(operation, true, old, value, result));
      case REMOVE:
        if (writer != null) {
          writer.delete(key);
        }
        Outcome<V, T> removed = new Outcome<>(current == null ? Operation.NONE : operation, current != null, old,
            null, result);
        return current == null ? Decision.none(removed) : Decision.remove(removed);
      default:
        return Decision.none(new Outcome<>(operation, current != null, old, null, result));
    }
  }

  private Decision<V, Outcome<V, T>> created(Operation operation, V value, T result) {
    Lifetime lifetime = expiry.onCreation();
    if (lifetime.isExpireNow()) {
      return Decision.none(new Outcome<>(Operation.NONE, false, null, null, result));
    }
    return Decision.put(copier.copy(value), lifetime, new Outcome<>(operation, false, null, value, result));
  }

  private T process(ProcessorEntry<K, V> entry) {
    try {
      return processor.process(entry, arguments);
    } catch (CacheException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new EntryProcessorException(e);
    }
  }

  /**
   * What the invocation did, for statistics and events.
   *
   * @param operation what happened to the entry ({@link Operation#NONE} when nothing was stored)
   * @param existed   whether the entry existed when the processor ran
   * @param oldValue  the value before the invocation, if it existed
   * @param newValue  the value set or loaded, if any
   * @param result    the processor's result
   * @param <V>       the value type
   * @param <T>       the result type
   */
  public record Outcome<V, T>(Operation operation, boolean existed, V oldValue, V newValue, T result) {
  }
}
