package org.stratacache.jcache.configuration;

import io.lettuce.core.RedisURI;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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
      if (!uri.startsWith("redis-sentinel") && !uri.startsWith("rediss-sentinel")
          && (URI.create(uri).getHost() == null || parsed.getPort() <= 0)) {
        throw new IllegalArgumentException("no valid host and port");
      }
      parsed.setTimeout(timeout);
      return parsed;
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("redisUri = " + mask(uri) + " is not a valid Redis URI ("
          + e.getMessage() + "); expected e.g. redis://host:6379/0, rediss://user:password@host:6380 or "
          + "redis-sentinel://host:26379/0#mymaster", e);
    }
  }

  /**
   * Checks that {@code uri} is a Redis URI this provider can connect to (standalone, Sentinel or cluster).
   *
   * @throws IllegalArgumentException naming the setting and the masked URI when it is not
   */
  public static void validate(String uri, Duration timeout) {
    if (isCluster(uri)) {
      clusterSeeds(uri, timeout);
    } else {
      parse(uri, timeout);
    }
  }

  /** Whether {@code uri} asks for TLS ({@code rediss://}, {@code rediss-sentinel://}, {@code rediss-cluster://}). */
  public static boolean usesTls(String uri) {
    return uri.startsWith("rediss://") || uri.startsWith("rediss-") || uri.startsWith("redis+ssl://")
        || uri.startsWith("redis+tls://");
  }

  /** Whether {@code uri} names a Redis Cluster ({@code redis-cluster://} or {@code rediss-cluster://}). */
  public static boolean isCluster(String uri) {
    return uri.startsWith("redis-cluster://") || uri.startsWith("rediss-cluster://");
  }

  /**
   * The seed nodes of a cluster URI {@code redis[s]-cluster://[user:password@]host:port[,host:port...][/...]},
   * each a {@code redis[s]://} URI with the same credentials.
   *
   * @throws IllegalArgumentException naming the masked URI when it is malformed
   */
  public static List<RedisURI> clusterSeeds(String uri, Duration timeout) {
    boolean tls = uri.startsWith("rediss-");
    String rest = uri.substring(uri.indexOf("://") + 3);
    int slash = rest.indexOf('/');
    String authority = slash < 0 ? rest : rest.substring(0, slash);
    int at = authority.lastIndexOf('@');
    String userInfo = at < 0 ? "" : authority.substring(0, at + 1);
    List<RedisURI> seeds = new ArrayList<>();
    for (String node : authority.substring(at + 1).split(",")) {
      if (!node.isBlank()) {
        seeds.add(parse((tls ? "rediss://" : "redis://") + userInfo + node.trim(), timeout));
      }
    }
    if (seeds.isEmpty()) {
      throw new IllegalArgumentException("redisUri = " + mask(uri) + " names no cluster node");
    }
    return seeds;
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
