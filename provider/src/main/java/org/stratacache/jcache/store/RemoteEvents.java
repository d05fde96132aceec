package org.stratacache.jcache.store;

import javax.cache.event.EventType;

/**
 * A cache's events shared with the caches of the same name in other JVMs: this cache's creates,
 * updates and removals go out, the others' come in, and so do expirations the remote store makes.
 * Delivery is at most once: what is sent while the connection is down is lost.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface RemoteEvents<K, V> extends AutoCloseable {

  /**
   * Tells other JVMs of a write this cache made. Encodes on the calling thread and never waits for
   * the remote store; a failure to send is counted and logged, never thrown.
   *
   * @param value    the new value of a created or updated entry, else {@code null}
   * @param oldValue the previous value of an updated or removed entry when known, else {@code null}
   */
  void publish(EventType type, K key, V value, V oldValue);

  /** Starts handing events of other JVMs and expirations to {@code receiver}, until closed. */
  void start(Receiver<K, V> receiver);

  /** Stops sending and receiving. */
  @Override
  void close();

  /**
   * Where incoming events go. Called on the cache manager's inbound pool, never on the remote
   * client's I/O threads; must not call back into the store.
   *
   * @param <K> the key type
   * @param <V> the value type
   */
  interface Receiver<K, V> {

    /** Whether anyone hears {@code type}; events nobody hears are not decoded. */
    boolean hears(EventType type);

    /**
     * An event of another JVM, or an expiration.
     *
     * @param value        the new value (created, updated), else {@code null}
     * @param oldValue     the previous value when {@code oldKnown}, else {@code null}
     * @param oldKnown     whether the writer knew the previous value (expirations never do)
     */
    void receive(EventType type, K key, V value, V oldValue, boolean oldKnown);
  }
}
