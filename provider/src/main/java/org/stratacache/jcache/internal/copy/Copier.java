package org.stratacache.jcache.internal.copy;

/**
 * Makes the copies that store-by-value needs, so that a caller changing an object after a
 * {@code put} or after a {@code get} does not change the cache. Thread-safe.
 */
@FunctionalInterface
public interface Copier {

  /** The copier of store-by-reference: hands back the same object. */
  Copier IDENTITY = new Copier() {
    @Override
    public <T> T copy(T object) {
      return object;
    }
  };

  /**
   * An independent copy of {@code object}, or {@code object} itself when it is immutable.
   *
   * @throws javax.cache.CacheException naming the class and the fix when it cannot be copied
   */
  <T> T copy(T object);
}
