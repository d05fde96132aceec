package org.stratacache.jcache.internal.store.redis;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.stratacache.jcache.configuration.RedisTlsSettings;
import org.stratacache.jcache.testing.RedisTlsServer;
import org.stratacache.jcache.testing.TestCertificates;

/** The whole Store contract over TLS ({@code rediss://}, server verified by a CA file, host name checked). */
class RedisTlsStoreContractIT extends RedisContractSupport {

  private static TestCertificates certificates;
  private static RedisTlsServer server;
  private static RedisConnector connector;
  private static RawRedis raw;

  @BeforeAll
  static void start() {
    certificates = TestCertificates.generate();
    server = RedisTlsServer.start(certificates.server("server", "127.0.0.1", "localhost"), false);
    connector = new RedisConnector();
    raw = RawRedis.to(server.plain().uri());
  }

  @AfterAll
  static void stop() {
    if (server == null) {
      return;
    }
    raw.close();
    connector.close();
    server.close();
  }

  @Override
  protected String uri() {
    return server.tlsUri("", "127.0.0.1");
  }

  @Override
  protected RedisTlsSettings tls() {
    return RedisTlsSettings.defaults().caFile(certificates.caFile().toString());
  }

  @Override
  protected RedisConnector connector() {
    return connector;
  }

  @Override
  protected long pttl(byte[] key) {
    return raw.sync().pttl(key);
  }
}
