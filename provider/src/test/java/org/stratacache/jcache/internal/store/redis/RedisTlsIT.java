package org.stratacache.jcache.internal.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.processor.EntryProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.stratacache.jcache.configuration.RedisTlsSettings;
import org.stratacache.jcache.configuration.ResiliencePolicy;
import org.stratacache.jcache.configuration.StoreType;
import org.stratacache.jcache.configuration.StrataConfiguration;
import org.stratacache.jcache.store.StoreAccessException;
import org.stratacache.jcache.store.StoreSecurityException;
import org.stratacache.jcache.testing.RedisTlsServer;
import org.stratacache.jcache.testing.TestCertificates;

/** TLS through the JCache API: trust by CA file, mutual TLS, and clear failures when trust is missing. */
class RedisTlsIT {

  private static TestCertificates certificates;
  private static RedisTlsServer server;
  private static RedisTlsServer mutual;
  private static RedisTlsServer wrongHost;

  private final String prefix = RedisTesting.uniquePrefix();
  private CacheManager manager;

  @BeforeAll
  static void start() {
    certificates = TestCertificates.generate();
    server = RedisTlsServer.start(certificates.server("server", "127.0.0.1", "localhost"), false);
    mutual = RedisTlsServer.start(certificates.server("mutual", "127.0.0.1", "localhost"), true);
    wrongHost = RedisTlsServer.start(certificates.server("elsewhere", "cache.elsewhere.example"), false);
  }

  @AfterAll
  static void stop() {
    for (RedisTlsServer started : new RedisTlsServer[] {server, mutual, wrongHost}) {
      if (started != null) {
        started.close();
      }
    }
  }

  @BeforeEach
  void open() {
    manager = Caching.getCachingProvider().getCacheManager(URI.create("test:tls-" + prefix),
        getClass().getClassLoader());
  }

  @AfterEach
  void close() {
    manager.close();
  }

  private Cache<String, String> create(String name, String uri, RedisTlsSettings tls) {
    return manager.createCache(name, StrataConfiguration.builder(String.class, String.class)
        .storeType(StoreType.REDIS).redisUri(uri).redisTls(tls).keyPrefix(prefix).build());
  }

  private static RedisTlsSettings trusted() {
    return RedisTlsSettings.defaults().caFile(certificates.caFile().toString());
  }

  private static void exercise(Cache<String, String> cache) {
    cache.put("a", "1");
    cache.putAll(Map.of("b", "2", "c", "3"));
    assertThat(cache.get("a")).isEqualTo("1");
    assertThat(cache.getAll(Set.of("a", "b", "x"))).isEqualTo(Map.of("a", "1", "b", "2"));
    assertThat(cache.replace("b", "2", "22")).isTrue();
    EntryProcessor<String, String, String> exclaim = (entry, args) -> {
      entry.setValue(entry.getValue() + "!");
      return entry.getValue();
    };
    assertThat(cache.invoke("c", exclaim)).isEqualTo("3!");
    assertThat(cache.getAndRemove("a")).isEqualTo("1");
    List<String> keys = new ArrayList<>();
    cache.forEach(entry -> keys.add(entry.getKey()));
    assertThat(keys).containsExactlyInAnyOrder("b", "c");
    cache.clear();
    assertThat(cache.containsKey("b")).isFalse();
  }

  @Test
  void aCaFileLetsRedissConnectWithTheHostNameVerified() {
    exercise(create("orders", server.tlsUri("", "127.0.0.1"), trusted()));
    exercise(create("by-name", server.tlsUri("", "localhost"), trusted()));
  }

  @Test
  void aNearCacheTracksKeysOverTheSameTlsSettings() {
    String uri = server.tlsUri("", "127.0.0.1");
    Cache<String, String> near = manager.createCache("near", StrataConfiguration.builder(String.class, String.class)
        .storeType(StoreType.REDIS).redisUri(uri).redisTls(trusted()).keyPrefix(prefix).nearCacheMaximumSize(10L)
        .build());
    near.put("k", "1");
    assertThat(near.get("k")).isEqualTo("1");
    assertThat(near.get("k")).isEqualTo("1");
    near.remove("k");
    exercise(near);
  }

  @Test
  void mutualTlsWorksWithPemFilesAndWithAKeystore() {
    exercise(create("pem", mutual.tlsUri("", "127.0.0.1"), trusted()
        .clientCertFile(certificates.clientCertFile().toString())
        .clientKeyFile(certificates.clientKeyFile().toString())));
    exercise(create("keystore", mutual.tlsUri("", "localhost"), trusted()
        .keystoreFile(certificates.clientKeystore().toString()).keyPassword(TestCertificates.KEYSTORE_PASSWORD)));
  }

  /** Refusals must fail createCache even under a policy that would ride out an outage. */
  private Cache<String, String> createRiding(String name, String uri, RedisTlsSettings tls) {
    return manager.createCache(name, StrataConfiguration.builder(String.class, String.class)
        .storeType(StoreType.REDIS).redisUri(uri).redisTls(tls).keyPrefix(prefix)
        .resiliencePolicy(ResiliencePolicy.MISS).build());
  }

  @Test
  void withoutAClientCertificateAMutualTlsServerRefusesAtCreateCache() {
    assertThatThrownBy(() -> createRiding("anonymous", mutual.tlsUri("", "127.0.0.1"), trusted()))
        .isInstanceOf(StoreSecurityException.class)
        .hasMessageContaining("client certificate");
  }

  @Test
  void anUntrustedCaFailsAtCreateCacheSayingTheCertificateWasNotTrusted() {
    assertThatThrownBy(() -> createRiding("untrusted", server.tlsUri("", "127.0.0.1"),
        RedisTlsSettings.defaults().caFile(certificates.untrustedCaFile().toString())))
        .isInstanceOf(StoreSecurityException.class)
        .hasMessageContaining("certificate was not trusted")
        .hasMessageContaining(server.tlsUri("", "127.0.0.1"));
  }

  @Test
  void theJvmTrustStoreDoesNotTrustAPrivateCa() {
    assertThatThrownBy(() -> createRiding("default-trust", server.tlsUri("", "127.0.0.1"),
        RedisTlsSettings.defaults()))
        .isInstanceOf(StoreSecurityException.class)
        .hasMessageContaining("certificate was not trusted");
  }

  @Test
  void aHostNameMismatchFailsUnlessHostNameVerificationIsOff() {
    String uri = wrongHost.tlsUri("", "127.0.0.1");
    assertThatThrownBy(() -> createRiding("mismatch", uri, trusted()))
        .isInstanceOf(StoreSecurityException.class)
        .hasMessageContaining("certificate was not trusted")
        .hasMessageContaining("verify-hostname");
    exercise(create("relaxed", uri, trusted().verifyHostname(false)));
  }

  @Test
  void cachesOnTheSameUriWithOtherTlsSettingsDoNotShareTheConnection() {
    String uri = server.tlsUri("", "127.0.0.1");
    exercise(create("trusting", uri, trusted()));
    assertThatThrownBy(() -> createRiding("distrusting", uri,
        RedisTlsSettings.defaults().caFile(certificates.untrustedCaFile().toString())))
        .isInstanceOf(StoreSecurityException.class);
  }

  @Test
  void aWrongKeystorePasswordFailsCreateCacheWithoutShowingIt() {
    assertThatThrownBy(() -> createRiding("wrong-keystore-password", mutual.tlsUri("", "127.0.0.1"), trusted()
        .keystoreFile(certificates.clientKeystore().toString()).keyPassword("not-the-password")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("redis-tls.keystore-file")
        .satisfies(e -> assertThat(stackText(e)).doesNotContain("not-the-password"));
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)  // guards against a hang; the handshake gives up after redis-timeout
  void aServerThatNeverAnswersTheHandshakeIsAnOutageNotARefusal() throws IOException {
    try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
      Thread acceptor = new Thread(() -> {
        List<Socket> held = new ArrayList<>();
        while (!silent.isClosed()) {
          try {
            held.add(silent.accept());
          } catch (IOException e) {
            return;
          }
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();
      assertThatThrownBy(() -> manager.createCache("silent", StrataConfiguration.builder(String.class, String.class)
          .storeType(StoreType.REDIS).redisUri("rediss://127.0.0.1:" + silent.getLocalPort()).redisTls(trusted())
          .redisTimeout(Duration.ofMillis(300)).keyPrefix(prefix).build()))
          .isInstanceOf(StoreAccessException.class);
    }
  }

  @Test
  void tlsSettingsOnAPlainUriAreRejectedNamingTheMistake() {
    assertThatThrownBy(() -> create("plain", "redis://127.0.0.1:" + server.plain().port(), trusted()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rediss://");
  }

  private static String stackText(Throwable failure) {
    StringBuilder text = new StringBuilder();
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      text.append(cause).append('\n');
    }
    return text.toString();
  }
}
