package org.stratacache.jcache.configuration;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;
import org.stratacache.jcache.internal.Messages;

/**
 * The Redis section of a cache's configuration: where the cache's Redis is ({@code redis-uri}), the
 * first segment of its keys ({@code key-prefix}), how long a command may take ({@code redis-timeout})
 * how a {@code rediss://} connection trusts the server ({@code redis-tls.*}) and whether the cache keeps
 * a size index in Redis ({@code redis-size-index}). Read by the Redis store only.
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
  final Boolean sizeIndex;

  private RedisSettings(String uri, String keyPrefix, Duration timeout, RedisTlsSettings tls, Boolean sizeIndex) {
    this.uri = uri;
    this.keyPrefix = keyPrefix;
    this.timeout = timeout;
    this.tls = tls;
    this.sizeIndex = sizeIndex;
  }

  /** Nothing set: no URI, the default prefix, timeout and TLS settings. */
  public static RedisSettings defaults() {
    return new RedisSettings(null, null, null, null, null);
  }

  /** These settings with the Redis URI (see {@code StrataConfiguration.Builder#redisUri}). */
  public RedisSettings withUri(String redisUri) {
    return new RedisSettings(redisUri, keyPrefix, timeout, tls, sizeIndex);
  }

  /** These settings with the first segment of keys. */
  public RedisSettings withKeyPrefix(String prefix) {
    return new RedisSettings(uri, prefix, timeout, tls, sizeIndex);
  }

  /** These settings with the command timeout. */
  public RedisSettings withTimeout(Duration commandTimeout) {
    return new RedisSettings(uri, keyPrefix, commandTimeout, tls, sizeIndex);
  }

  /** These settings with the TLS settings of {@code rediss://} connections. */
  public RedisSettings withTls(RedisTlsSettings settings) {
    return new RedisSettings(uri, keyPrefix, timeout, settings, sizeIndex);
  }

  /** These settings with the size index on or off (see {@link #isSizeIndex()}). */
  public RedisSettings withSizeIndex(boolean kept) {
    return new RedisSettings(uri, keyPrefix, timeout, tls, kept);
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

  /**
   * Whether the cache keeps a size index in Redis (default true): a sorted set of its keys by last
   * write, updated by a script after every write, which gives {@code estimatedSize()} and the bytes
   * estimate without a SCAN and is required by {@code maximum-size}. It costs one more script per write
   * (pipelined) and about 120 bytes per entry; on a Redis Cluster only bounded caches keep one.
   */
  public boolean isSizeIndex() {
    return sizeIndex == null ? (Boolean) Setting.REDIS_SIZE_INDEX.typedDefault() : sizeIndex;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RedisSettings that && Objects.equals(uri, that.uri)
        && Objects.equals(keyPrefix, that.keyPrefix) && Objects.equals(timeout, that.timeout)
        && Objects.equals(tls, that.tls) && Objects.equals(sizeIndex, that.sizeIndex);
  }

  @Override
  public int hashCode() {
    return Objects.hash(uri, keyPrefix, timeout, tls, sizeIndex);
  }

  @Override
  public String toString() {
    return "RedisSettings{uri=" + Messages.maskUri(uri) + ", keyPrefix=" + keyPrefix + ", timeout=" + timeout
        + (tls == null ? "" : ", tls=" + tls) + (sizeIndex == null ? "" : ", sizeIndex=" + sizeIndex) + "}";
  }
}
