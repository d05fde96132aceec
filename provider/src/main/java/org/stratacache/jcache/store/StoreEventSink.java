package org.stratacache.jcache.store;

/**
 * Receives removals a store makes on its own. Called on whichever thread made the store notice;
 * implementations must be quick, thread-safe and must not call back into the store.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface StoreEventSink<K, V> {

  /** A sink that ignores everything. */
  StoreEventSink<Object, Object> NONE = new StoreEventSink<>() {
    @Override
    public void onExpired(Object key, Object value) {
      // ignored
    }

    @Override
    public void onEvicted(Object key, Object value) {
      // ignored
    }
  };

  /** The sink that ignores everything, typed. */
  @SuppressWarnings("unchecked")
  static <K, V> StoreEventSink<K, V> none() {
    return (StoreEventSink<K, V>) NONE;
  }

  /** An entry reached its expiry instant and was removed. */
  void onExpired(K key, V value);

  /** An entry was removed to respect the store's size bound. */
  void onEvicted(K key, V value);
}
