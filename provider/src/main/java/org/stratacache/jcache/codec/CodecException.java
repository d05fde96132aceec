package org.stratacache.jcache.codec;

import javax.cache.CacheException;

/** Bytes could not be turned into a value (corrupt, foreign, unknown format) or a value into bytes. */
public class CodecException extends CacheException {

  private static final long serialVersionUID = 1L;

  /** A failure with a message saying what and why. */
  public CodecException(String message) {
    super(message);
  }

  /** A failure with its cause. */
  public CodecException(String message, Throwable cause) {
    super(message, cause);
  }
}
