package org.stratacache.jcache.store.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
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
  private static RedisClient rawClient;
  private static StatefulRedisConnection<byte[], byte[]> raw;

  @BeforeAll
  static void start() {
    certificates = TestCertificates.generate();
    server = RedisTlsServer.start(certificates.server("server", "127.0.0.1", "localhost"), false);
    connector = new RedisConnector();
    rawClient = RedisClient.create();
    raw = rawClient.connect(ByteArrayCodec.INSTANCE, RedisURI.create(server.plain().uri()));
  }

  @AfterAll
  static void stop() {
    if (server == null) {
      return;
    }
    raw.close();
    rawClient.shutdown();
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
