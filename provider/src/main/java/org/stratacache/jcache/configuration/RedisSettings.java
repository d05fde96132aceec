package org.stratacache.jcache.configuration;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;
import org.stratacache.jcache.internal.Messages;

/**
 * The Redis section of a cache's configuration: where the cache's Redis is ({@code redis-uri}), the
 * first segment of its keys ({@code key-prefix}), how long a command may take ({@code redis-timeout})
 * and how a {@code rediss://} connection trusts the server ({@code redis-tls.*}). Read by the Redis
 * store only.
 *
 * <p>Immutable; every {@code with} method returns a new instance. Unset values read as their
 * {@link Setting} default.
 */
public final class RedisSettings implements Serializable {

  private static final long serialVersionUID = 1L;

  final String uri;
  final String keyPrefix;
  final Duration timeout;
  final RedisTlsSettings tls;

  private RedisSettings(String uri, String keyPrefix, Duration timeout, RedisTlsSettings tls) {
    this.uri = uri;
    this.keyPrefix = keyPrefix;
    this.timeout = timeout;
    this.tls = tls;
  }

  /** Nothing set: no URI, the default prefix, timeout and TLS settings. */
  public static RedisSettings defaults() {
    return new RedisSettings(null, null, null, null);
  }

  /** These settings with the Redis URI (see {@code StrataConfiguration.Builder#redisUri}). */
  public RedisSettings withUri(String redisUri) {
    return new RedisSettings(redisUri, keyPrefix, timeout, tls);
  }

  /** These settings with the first segment of keys. */
  public RedisSettings withKeyPrefix(String prefix) {
    return new RedisSettings(uri, prefix, timeout, tls);
  }

  /** These settings with the command timeout. */
  public RedisSettings withTimeout(Duration commandTimeout) {
    return new RedisSettings(uri, keyPrefix, commandTimeout, tls);
  }

  /** These settings with the TLS settings of {@code rediss://} connections. */
  public RedisSettings withTls(RedisTlsSettings settings) {
    return new RedisSettings(uri, keyPrefix, timeout, settings);
  }

  /** The Redis URI, or {@code null} to use the manager's (or stay in memory). */
  public String getUri() {
    return uri;
  }

  /** The first segment of every Redis key of the cache: {@code <prefix>:<cache name>:<key>}. */
  public String getKeyPrefix() {
    return keyPrefix == null ? (String) Setting.KEY_PREFIX.typedDefault() : keyPrefix;
  }

  /** How long a Redis command (and a connection attempt) may take before it fails. */
  public Duration getTimeout() {
    return timeout == null ? (Duration) Setting.REDIS_TIMEOUT.typedDefault() : timeout;
  }

  /** The TLS settings of {@code rediss://} connections (never {@code null}; defaults when unset). */
  public RedisTlsSettings getTls() {
    return tls == null ? RedisTlsSettings.defaults() : tls;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RedisSettings that && Objects.equals(uri, that.uri)
        && Objects.equals(keyPrefix, that.keyPrefix) && Objects.equals(timeout, that.timeout)
        && Objects.equals(tls, that.tls);
  }

  @Override
  public int hashCode() {
    return Objects.hash(uri, keyPrefix, timeout, tls);
  }

  @Override
  public String toString() {
    return "RedisSettings{uri=" + Messages.maskUri(uri) + ", keyPrefix=" + keyPrefix + ", timeout=" + timeout
        + (tls == null ? "" : ", tls=" + tls) + "}";
  }
}
