package org.stratacache.jcache.store;

/**
 * Called inside an atomic write just before the store applies it, so that a write-through
 * {@code CacheWriter} sees exactly the writes that happen. An exception thrown here aborts the write.
 *
 * @param <V> the value type
 */
public interface WriteHook<V> {

  /** A hook that does nothing; stores may then use their native fast paths. */
  WriteHook<Object> NONE = new WriteHook<>() {
    @Override
    public void beforeWrite(Object value) {
      // nothing to do
    }

    @Override
    public void beforeDelete() {
      // nothing to do
    }
  };

  /** The hook that does nothing, typed. */
  @SuppressWarnings("unchecked")
  static <V> WriteHook<V> none() {
    return (WriteHook<V>) NONE;
  }

  /** The value is about to be stored. */
  void beforeWrite(V value);

  /** The entry is about to be removed (called even when it is absent, as JSR-107 requires). */
  void beforeDelete();
}
