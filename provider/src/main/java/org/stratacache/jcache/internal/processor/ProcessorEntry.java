package org.stratacache.jcache.internal.processor;

import java.util.Objects;
import javax.cache.processor.MutableEntry;
import org.stratacache.jcache.internal.copy.Copier;
import org.stratacache.jcache.internal.integration.ReadThrough;
import org.stratacache.jcache.store.StoreEntry;

/**
 * The entry an {@code EntryProcessor} sees: the stored value as of the start of the invocation,
 * and a record of what the processor did to it. Not thread-safe; lives for one invocation.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class ProcessorEntry<K, V> implements MutableEntry<K, V> {

  private final K key;
  private final StoreEntry<V> current;
  private final Copier copier;
  private final ReadThrough<K, V> loader;
  private Operation operation = Operation.NONE;
  private V value;

  ProcessorEntry(K key, StoreEntry<V> current, Copier copier, ReadThrough<K, V> loader) {
    this.key = key;
    this.current = current;
    this.copier = copier;
    this.loader = loader;
  }

  @Override
  public K getKey() {
    return key;
  }

  @Override
  public V getValue() {
    if (operation == Operation.NONE) {
      if (current != null) {
        if (value == null) {
          value = copier.copy(current.value());
        }
        operation = Operation.ACCESS;
      } else if (loader != null) {
        value = loader.load(key);
        if (value != null) {
          operation = Operation.LOAD;
        }
      }
    }
    return value;
  }

  @Override
  public boolean exists() {
    return value != null
        || (current != null && (operation == Operation.NONE || operation == Operation.ACCESS));
  }

  @Override
  public void remove() {
    operation = operation == Operation.CREATE || operation == Operation.LOAD ? Operation.NONE : Operation.REMOVE;
    value = null;
  }

  @Override
  public void setValue(V newValue) {
    Objects.requireNonNull(newValue, "an entry processor cannot set a null value");
    operation = current == null ? Operation.CREATE : Operation.UPDATE;
    value = newValue;
  }

  @Override
  public <T> T unwrap(Class<T> clazz) {
    if (clazz.isInstance(this)) {
      return clazz.cast(this);
    }
    throw new IllegalArgumentException("Cannot unwrap an entry processor's entry to " + clazz.getName());
  }

  Operation operation() {
    return operation;
  }

  V value() {
    return value;
  }
}
