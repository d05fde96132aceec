package org.stratacache.jcache.store.redis;

import io.lettuce.core.RedisURI;
import java.time.Duration;

/** Parses Redis URIs as Lettuce understands them, and shows them with the password masked. */
public final class RedisUris {

  private RedisUris() {
  }

  /**
   * Parses {@code uri} and sets its command timeout.
   *
   * @throws IllegalArgumentException naming the setting and the masked URI when it is malformed
   */
  public static RedisURI parse(String uri, Duration timeout) {
    try {
      RedisURI parsed = RedisURI.create(uri);
      parsed.setTimeout(timeout);
      return parsed;
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("redisUri = " + mask(uri) + " is not a valid Redis URI ("
          + e.getMessage() + "); expected e.g. redis://host:6379/0, rediss://user:password@host:6380 or "
          + "redis-sentinel://host:26379/0#mymaster", e);
    }
  }

  /** {@code uri} with any password replaced by {@code ****}; safe to log. */
  public static String mask(String uri) {
    if (uri == null) {
      return "null";
    }
    int scheme = uri.indexOf("://");
    if (scheme < 0) {
      return uri;
    }
    int start = scheme + 3;
    int end = uri.indexOf('/', start);
    int at = uri.lastIndexOf('@', end < 0 ? uri.length() : end);
    if (at < start) {
      return uri;
    }
    String userInfo = uri.substring(start, at);
    int colon = userInfo.indexOf(':');
    String masked = colon < 0 ? "****" : userInfo.substring(0, colon) + ":****";
    return uri.substring(0, start) + masked + uri.substring(at);
  }
}
