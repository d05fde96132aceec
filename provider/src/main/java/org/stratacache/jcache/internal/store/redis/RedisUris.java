package org.stratacache.jcache.internal.store.redis;

import io.lettuce.core.RedisURI;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.stratacache.jcache.internal.Messages;

/**
 * Parses Redis URIs as Lettuce understands them, for {@link RedisEndpoint}; messages show them with
 * the password masked ({@link Messages#maskUri(String)}).
 *
 * <p>A URI may hold a password, so no message made here quotes the input or carries an exception
 * that does ({@link java.net.URI} and Lettuce quote it): the user-info part, everything between
 * {@code ://} and the last {@code @}, is masked whatever it contains, and a URI whose user-info
 * holds an unencoded {@code /}, {@code ?}, {@code #} or {@code @} is refused before anything parses
 * it, since a parser would read part of the password as a host, port or path and print it.
 */
final class RedisUris {

  private static final String EXAMPLES = "expected e.g. redis://host:6379/0, rediss://user:password@host:6380 or "
      + "redis-sentinel://host:26379/0#mymaster";

  private RedisUris() {
  }

  /**
   * Parses {@code uri} and sets its command timeout.
   *
   * @throws IllegalArgumentException naming the setting and the masked URI when it is malformed; its
   *                                  message and causes never hold the password
   */
  static RedisURI parse(String uri, Duration timeout) {
    checkUserInfo(uri);
    return parse(uri, timeout, uri);
  }

  private static RedisURI parse(String uri, Duration timeout, String shown) {
    String reason;
    try {
      RedisURI parsed = RedisURI.create(uri);
      if (uri.startsWith("redis-sentinel") || uri.startsWith("rediss-sentinel")
          || (new URI(uri).getHost() != null && parsed.getPort() > 0)) {
        parsed.setTimeout(timeout);
        return parsed;
      }
      reason = "no valid host and port";
    } catch (URISyntaxException e) {
      reason = e.getReason();
    } catch (RuntimeException e) {
      reason = reason(e, shown);
    }
    // no cause: URI and Lettuce exceptions quote the input, password included
    throw new IllegalArgumentException("redisUri = " + Messages.maskUri(shown) + " is not a valid Redis URI ("
        + reason + "); " + EXAMPLES);
  }

  /** Why a parser refused the URI, in words that hold none of the input when the input holds a user-info. */
  private static String reason(RuntimeException failure, String uri) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof URISyntaxException syntax) {
        return syntax.getReason();
      }
    }
    if (uri.indexOf('@') < 0 && failure.getMessage() != null) {
      return failure.getMessage();  // nothing secret in a URI without user-info
    }
    return "Lettuce cannot parse it";
  }

  /**
   * Refuses a URI whose user-info (password) holds a character that ends it early for a URI parser,
   * so that no part of the password is ever read as the host, port or path, and shown.
   */
  private static void checkUserInfo(String uri) {
    if (uri == null) {
      throw new IllegalArgumentException("redisUri is null; " + EXAMPLES);
    }
    int scheme = uri.indexOf("://");
    int start = scheme < 0 ? 0 : scheme + 3;
    int at = uri.lastIndexOf('@');
    if (at < start) {
      return;
    }
    if (scheme < 0) {
      throw new IllegalArgumentException("redisUri = " + Messages.maskUri(uri) + " is not a valid Redis URI (no "
          + "scheme); " + EXAMPLES);
    }
    int end = authorityEnd(uri, start);
    if (at > end || uri.indexOf('@', start) != at) {
      throw new IllegalArgumentException("redisUri = " + Messages.maskUri(uri) + " is not a valid Redis URI: its "
          + "user name or password holds an unencoded '/', '?', '#' or '@'; percent-encode them (%2F, %3F, %23, %40)");
    }
  }

  private static int authorityEnd(String uri, int start) {
    for (int i = start; i < uri.length(); i++) {
      char c = uri.charAt(i);
      if (c == '/' || c == '?' || c == '#') {
        return i;
      }
    }
    return uri.length();
  }

  /** Whether {@code uri} asks for TLS ({@code rediss://}, {@code rediss-sentinel://}, {@code rediss-cluster://}). */
  static boolean usesTls(String uri) {
    return uri.startsWith("rediss://") || uri.startsWith("rediss-") || uri.startsWith("redis+ssl://")
        || uri.startsWith("redis+tls://");
  }

  /** Whether {@code uri} names a Redis Cluster ({@code redis-cluster://} or {@code rediss-cluster://}). */
  static boolean isCluster(String uri) {
    return uri != null && (uri.startsWith("redis-cluster://") || uri.startsWith("rediss-cluster://"));
  }

  /**
   * The seed nodes of a cluster URI {@code redis[s]-cluster://[user:password@]host:port[,host:port...][/...]},
   * each a {@code redis[s]://} URI with the same credentials.
   *
   * @throws IllegalArgumentException naming the masked URI when it is malformed
   */
  static List<RedisURI> clusterSeeds(String uri, Duration timeout) {
    checkUserInfo(uri);
    boolean tls = uri.startsWith("rediss-");
    int start = uri.indexOf("://") + 3;
    String authority = uri.substring(start, authorityEnd(uri, start));
    int at = authority.lastIndexOf('@');
    String userInfo = at < 0 ? "" : authority.substring(0, at + 1);
    List<RedisURI> seeds = new ArrayList<>();
    for (String node : authority.substring(at + 1).split(",")) {
      if (!node.isBlank()) {
        seeds.add(parse((tls ? "rediss://" : "redis://") + userInfo + node.trim(), timeout, uri));
      }
    }
    if (seeds.isEmpty()) {
      throw new IllegalArgumentException("redisUri = " + Messages.maskUri(uri) + " names no cluster node");
    }
    return seeds;
  }
}
