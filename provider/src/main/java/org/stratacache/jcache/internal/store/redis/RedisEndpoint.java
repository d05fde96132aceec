package org.stratacache.jcache.internal.store.redis;

import io.lettuce.core.RedisURI;
import io.lettuce.core.SslOptions;
import java.time.Duration;
import java.util.List;
import org.stratacache.jcache.configuration.RedisSettings;
import org.stratacache.jcache.configuration.RedisTlsSettings;
import org.stratacache.jcache.configuration.Setting;
import org.stratacache.jcache.internal.Messages;

/**
 * The Redis deployment a cache's {@link RedisSettings} name, parsed once: its URI shown with the
 * password masked, whether it is a standalone server, a Sentinel set or a Redis Cluster, whether it
 * uses TLS, and the Lettuce {@link RedisURI} (or cluster seed nodes) with the command timeout and the
 * TLS settings applied.
 *
 * <p>Immutable. The {@link RedisURI}s it hands out are the ones it parsed (Lettuce cannot copy a
 * Sentinel URI); callers connect with them and never change them.
 */
public final class RedisEndpoint {

  /** How the deployment is reached. */
  public enum Topology {
    /** One server ({@code redis://}, {@code rediss://}, {@code redis-socket://}). */
    STANDALONE,
    /** A master found through Sentinels ({@code redis-sentinel://}, {@code rediss-sentinel://}). */
    SENTINEL,
    /** A Redis Cluster reached through seed nodes ({@code redis-cluster://}, {@code rediss-cluster://}). */
    CLUSTER
  }

  private final String uri;
  private final String masked;
  private final Topology topology;
  private final boolean tls;
  private final RedisTlsSettings tlsSettings;
  private final Duration timeout;
  /** The one node of a standalone or Sentinel URI, or the seeds of a cluster. */
  private final List<RedisURI> nodes;

  private RedisEndpoint(String uri, RedisTlsSettings tlsSettings, Duration timeout) {
    this.uri = uri;
    this.masked = Messages.maskUri(uri);
    this.tlsSettings = tlsSettings;
    this.timeout = timeout;
    if (RedisUris.isCluster(uri)) {
      this.topology = Topology.CLUSTER;
      this.nodes = List.copyOf(RedisUris.clusterSeeds(uri, timeout));
    } else {
      RedisURI node = RedisUris.parse(uri, timeout);
      this.topology = node.getSentinels().isEmpty() ? Topology.STANDALONE : Topology.SENTINEL;
      this.nodes = List.of(node);
    }
    this.nodes.forEach(node -> RedisTls.apply(node, tlsSettings));
    this.tls = RedisUris.usesTls(uri);
  }

  /**
   * The endpoint of {@code settings}: its URI, TLS settings and command timeout.
   *
   * @throws IllegalArgumentException naming the setting and the masked URI when the URI is malformed;
   *                                  its message and causes never hold the password
   */
  public static RedisEndpoint parse(RedisSettings settings) {
    return new RedisEndpoint(settings.getUri(), settings.getTls(), settings.getTimeout());
  }

  /**
   * Checks that {@code uri} is a Redis URI this provider can connect to (standalone, Sentinel or
   * cluster), as a {@link Setting#REDIS_URI} value is checked where it is read.
   *
   * @throws IllegalArgumentException naming the setting and the masked URI when it is not
   */
  public static void check(String uri) {
    new RedisEndpoint(uri, RedisTlsSettings.defaults(), (Duration) Setting.REDIS_TIMEOUT.typedDefault());
  }

  /**
   * Whether {@code uri} names a Redis Cluster; looks at the scheme only, so it answers for a URI
   * that does not parse.
   */
  public static boolean isCluster(String uri) {
    return RedisUris.isCluster(uri);
  }

  /**
   * Checks the TLS settings against the URI (set only for a {@code rediss} URI) and reads their
   * files, so that a wrong file fails at {@code createCache} naming its setting.
   *
   * @throws IllegalArgumentException naming the setting at fault, never the password
   */
  public void checkTls() {
    RedisTls.check(tlsSettings, tls);
  }

  /** The URI with its password masked, for messages and logs. */
  public String masked() {
    return masked;
  }

  /** How the deployment is reached. */
  public Topology topology() {
    return topology;
  }

  /** Whether this is a Redis Cluster. */
  public boolean isCluster() {
    return topology == Topology.CLUSTER;
  }

  /** Whether connections use TLS ({@code rediss://}, {@code rediss-sentinel://}, {@code rediss-cluster://}). */
  public boolean usesTls() {
    return tls;
  }

  /** How long a command (and a connection attempt, and a TLS handshake) may take. */
  public Duration timeout() {
    return timeout;
  }

  /** The TLS settings (defaults when none are set). */
  RedisTlsSettings tlsSettings() {
    return tlsSettings;
  }

  /**
   * The Lettuce URI of a standalone server or Sentinel set, timeout and TLS verification applied.
   *
   * @throws IllegalStateException for a Redis Cluster (see {@link #clusterSeeds()})
   */
  RedisURI redisUri() {
    if (isCluster()) {
      throw new IllegalStateException("A Redis Cluster has seed nodes, not one URI: " + masked);
    }
    return nodes.get(0);
  }

  /**
   * The seed nodes of a Redis Cluster, each with the timeout and TLS verification applied.
   *
   * @throws IllegalStateException when this is not a Redis Cluster
   */
  List<RedisURI> clusterSeeds() {
    if (!isCluster()) {
      throw new IllegalStateException("Not a Redis Cluster: " + masked);
    }
    return nodes;
  }

  /** Lettuce's TLS options of a connection here: trust, client certificate, a handshake bounded by the timeout. */
  SslOptions sslOptions() {
    return RedisTls.options(tlsSettings, timeout);
  }

  /**
   * What a connection is shared by: the URI and the TLS settings. Caches whose endpoints differ
   * only in their timeout share one connection, opened with the first one's.
   */
  Object connectionKey() {
    return new ConnectionKey(uri, tlsSettings);
  }

  @Override
  public String toString() {
    return "RedisEndpoint{" + masked + ", " + topology + (tls ? ", TLS" : "") + ", timeout=" + timeout + "}";
  }

  private record ConnectionKey(String uri, RedisTlsSettings tls) {

    @Override
    public String toString() {
      return Messages.maskUri(uri);
    }
  }
}
