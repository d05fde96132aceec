package org.stratacache.jcache.store;

import javax.cache.CacheException;

/**
 * A store could not be reached or could not complete an operation (a timeout, a lost connection,
 * a value it cannot decode). The resilience policy of the cache decides what the caller sees.
 */
public class StoreAccessException extends CacheException {

  private static final long serialVersionUID = 1L;

  /** An access failure with a message saying what failed. */
  public StoreAccessException(String message) {
    super(message);
  }

  /** An access failure with a message and its cause. */
  public StoreAccessException(String message, Throwable cause) {
    super(message, cause);
  }
}
