package org.stratacache.jcache.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.stratacache.testing.redis.RedisBinary;
import org.stratacache.testing.redis.RedisServer;

/**
 * A real Redis server that also listens for TLS on a second loopback port, with a certificate from
 * {@link TestCertificates}. Its plain port stays open for the test's own administration. Tests that
 * need TLS are skipped (an assumption, not a pass) only when the redis-server binary was built
 * without TLS.
 */
public final class RedisTlsServer implements AutoCloseable {

  private static Boolean tlsSupported;

  private final RedisServer server;
  private final int tlsPort;

  private RedisTlsServer(RedisServer server, int tlsPort) {
    this.server = server;
    this.tlsPort = tlsPort;
  }

  /**
   * Starts a server presenting {@code identity}.
   *
   * @param clientCertificates whether clients must present a certificate signed by the identity's CA
   */
  public static RedisTlsServer start(TestCertificates.ServerIdentity identity, boolean clientCertificates,
                                     String... extraArguments) {
    Assumptions.assumeTrue(supportsTls(), "the redis-server binary has no TLS support");
    try {
      int tlsPort = RedisServer.freePort();
      List<String> arguments = new ArrayList<>(List.of("--tls-port", String.valueOf(tlsPort),
          "--tls-cert-file", identity.certFile().toString(), "--tls-key-file", identity.keyFile().toString(),
          "--tls-ca-cert-file", identity.caFile().toString(), "--tls-auth-clients",
          clientCertificates ? "yes" : "no"));
      arguments.addAll(List.of(extraArguments));
      return new RedisTlsServer(RedisServer.start(arguments.toArray(new String[0])), tlsPort);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code rediss://<host>:<tls port>}, with {@code userInfo} ({@code user:password@}) when not empty. */
  public String tlsUri(String userInfo, String host) {
    return "rediss://" + userInfo + host + ":" + tlsPort;
  }

  /** The plain-text server, for administration. */
  public RedisServer plain() {
    return server;
  }

  @Override
  public void close() {
    server.close();
  }

  /** Whether the binary knows the TLS options (a build without them rejects --tls-port as a bad directive). */
  private static synchronized boolean supportsTls() {
    if (tlsSupported == null) {
      try {
        tlsSupported = !RedisBinary.get().probe("--port", "0", "--tls-port", String.valueOf(RedisServer.freePort()),
            "--tls-cert-file", "/nonexistent").contains("Bad directive");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return tlsSupported;
  }
}
