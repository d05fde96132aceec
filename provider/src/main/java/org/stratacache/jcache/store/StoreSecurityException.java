package org.stratacache.jcache.store;

import javax.cache.CacheException;

/**
 * A store refused access rather than failed: authentication was rejected, the server's certificate
 * was not trusted, or an ACL does not allow a command or key. Unlike a {@link StoreAccessException}
 * this is not an outage: retrying or serving from a fallback would hide a configuration mistake, so
 * the resilience policy lets it through to the caller.
 */
public class StoreSecurityException extends CacheException {

  private static final long serialVersionUID = 1L;

  /** A refusal with a message saying what was refused and where. */
  public StoreSecurityException(String message, Throwable cause) {
    super(message, cause);
  }
}
