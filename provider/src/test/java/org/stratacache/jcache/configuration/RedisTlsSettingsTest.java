package org.stratacache.jcache.configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stratacache.jcache.internal.config.ConfigurationFile;
import org.stratacache.jcache.internal.config.ManagerDefaults;
import org.stratacache.jcache.internal.store.redis.RedisEndpoint;
import org.stratacache.jcache.testing.TestCertificates;

/** TLS settings: where they come from, how they fit together, and that the password never shows. */
class RedisTlsSettingsTest {

  @TempDir
  Path directory;

  private Path file(String name) throws IOException {
    return Files.writeString(directory.resolve(name), "-----BEGIN CERTIFICATE-----\n");
  }

  @Test
  void environmentVariablesAndPropertiesFillEachTlsSettingSeparately() throws IOException {
    String ca = file("ca.pem").toString();
    Properties manager = new Properties();
    manager.setProperty(Setting.REDIS_TLS_KEYSTORE_FILE.property(), "/etc/client.p12");
    Map<String, String> env = Map.of("REDIS_TLS_CA_FILE", ca, "REDIS_TLS_KEY_PASSWORD", " s3cret ",
        "REDIS_TLS_VERIFY_HOSTNAME", "false", "REDIS_TLS_KEYSTORE_FILE", "/ignored.p12");
    StrataConfiguration<String, String> resolved = ManagerDefaults.of(manager, name -> null, env::get)
        .resolve(StrataConfiguration.builder(String.class, String.class).redisUri("rediss://host:6380")
            .redisTls(RedisTlsSettings.defaults().verifyHostname(true)).build());
    RedisTlsSettings tls = resolved.getRedis().getTls();
    assertThat(tls.getCaFile()).isEqualTo(ca);
    assertThat(tls.getKeystoreFile()).isEqualTo("/etc/client.p12");
    assertThat(tls.getKeyPassword()).isEqualTo(" s3cret ");
    assertThat(tls.isVerifyHostname()).as("the cache's own value wins over the environment").isTrue();
  }

  @Test
  void aYamlFileNestsTlsSettingsUnderRedisTls() throws IOException {
    Path yaml = Files.writeString(directory.resolve("strata.yaml"), String.join("\n",
        "redis-tls:", "  ca-file: /etc/ca.pem", "caches:", "  orders:", "    redis-tls:",
        "      verify-hostname: false", "      key-password: pw", ""));
    ConfigurationFile file = ConfigurationFile.load(yaml.toUri(), getClass().getClassLoader());
    assertThat(file.defaults()).containsEntry(Setting.REDIS_TLS_CA_FILE, "/etc/ca.pem");
    RedisTlsSettings orders = file.caches().get("orders").getRedis().getTls();
    assertThat(orders.isVerifyHostname()).isFalse();
    assertThat(orders.getKeyPassword()).isEqualTo("pw");
  }

  @Test
  void unsetMeansTheJvmTrustStoreAndHostNameVerification() {
    RedisTlsSettings tls = StrataConfiguration.builder(String.class, String.class).build().getRedis().getTls();
    assertThat(tls.isConfigured()).isFalse();
    assertThat(tls.isVerifyHostname()).isTrue();
    check(tls, false);
  }

  @Test
  void thePasswordNeverShows() {
    RedisTlsSettings tls = RedisTlsSettings.defaults().keystoreFile("/missing.p12").keyPassword("hunter2");
    assertThat(tls.toString()).doesNotContain("hunter2").contains("keyPassword=****");
    assertThatThrownBy(() -> check(tls, true)).hasMessageNotContaining("hunter2");
    assertThatThrownBy(() -> check(tls, false)).hasMessageNotContaining("hunter2");
  }

  @Test
  void tlsSettingsOnAPlainUriAreAMistake() {
    assertThatThrownBy(() -> check(RedisTlsSettings.defaults().verifyHostname(false), false))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rediss://");
  }

  @Test
  void aCertificateNeedsItsKeyAndOnlyOneClientIdentityIsAllowed() {
    TestCertificates certificates = TestCertificates.generate();
    String cert = certificates.clientCertFile().toString();
    String key = certificates.clientKeyFile().toString();
    assertThatThrownBy(() -> check(RedisTlsSettings.defaults().clientCertFile(cert), true))
        .hasMessageContaining("redis-tls.client-key-file");
    assertThatThrownBy(() -> check(RedisTlsSettings.defaults().clientCertFile(cert).clientKeyFile(key)
        .keystoreFile(cert), true)).hasMessageContaining("redis-tls.keystore-file");
    assertThatThrownBy(() -> check(RedisTlsSettings.defaults().keyPassword("x"), true))
        .hasMessageContaining("redis-tls.key-password");
    check(RedisTlsSettings.defaults().caFile(certificates.caFile().toString()).clientCertFile(cert).clientKeyFile(key)
        , true);
    check(RedisTlsSettings.defaults().keystoreFile(certificates.clientKeystore().toString())
        .keyPassword(TestCertificates.KEYSTORE_PASSWORD), true);
  }

  @Test
  void aMissingFileIsNamedWithItsSetting() {
    assertThatThrownBy(() -> check(RedisTlsSettings.defaults().caFile(directory.resolve("nope.pem").toString())
        , true)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("redis-tls.ca-file = ").hasMessageContaining("nope.pem");
  }

  @Test
  void filesThatDoNotHoldWhatTheSettingNeedsAreNamed() throws IOException {
    TestCertificates certificates = TestCertificates.generate();
    String notPem = file("notes.txt").toString();
    Files.writeString(Path.of(notPem), "hello");
    assertThatThrownBy(() -> check(RedisTlsSettings.defaults().caFile(notPem), true))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("redis-tls.ca-file = " + notPem);
    assertThatThrownBy(() -> check(RedisTlsSettings.defaults().clientCertFile(certificates.clientCertFile().toString())
        .clientKeyFile(certificates.clientCertFile().toString()), true))
        .hasMessageContaining("redis-tls.client-key-file").hasMessageContaining("no PKCS#8");
    Path pkcs1 = Files.writeString(directory.resolve("rsa.key"), "-----BEGIN RSA PRIVATE KEY-----\nAA==\n");
    assertThatThrownBy(() -> check(RedisTlsSettings.defaults().clientCertFile(certificates.clientCertFile().toString())
        .clientKeyFile(pkcs1.toString()), true))
        .hasMessageContaining("redis-tls.client-key-file").hasMessageContaining("openssl pkcs8");
  }

  @Test
  void aWrongKeystorePasswordNamesTheKeystoreButNotThePassword() {
    TestCertificates certificates = TestCertificates.generate();
    assertThatThrownBy(() -> check(RedisTlsSettings.defaults().keystoreFile(certificates.clientKeystore().toString())
        .keyPassword("not-the-password"), true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("redis-tls.keystore-file")
        .hasMessageNotContaining("not-the-password");
  }

  @Test
  void settingsDifferingOnlyInThePasswordAreDifferent() {
    RedisTlsSettings one = RedisTlsSettings.defaults().keystoreFile("/k.p12").keyPassword("a");
    assertThat(one).isEqualTo(RedisTlsSettings.defaults().keystoreFile("/k.p12").keyPassword("a"))
        .isNotEqualTo(one.keyPassword("b"));
  }

  @Test
  void aBadVerifyHostnameValueNamesTheVariable() {
    assertThatThrownBy(() -> ManagerDefaults.of(null, name -> null, Map.of("REDIS_TLS_VERIFY_HOSTNAME", "yes")::get)
        .resolve(StrataConfiguration.builder(String.class, String.class).build()))
        .hasMessageContaining("REDIS_TLS_VERIFY_HOSTNAME").hasMessageContaining("true or false");
  }

  /** What createCache checks of {@code tls} on a URI with or without TLS. */
  private static void check(RedisTlsSettings tls, boolean tlsUri) {
    RedisEndpoint.parse(RedisSettings.defaults().withUri(tlsUri ? "rediss://host:6380" : "redis://host:6379")
        .withTls(tls)).checkTls();
  }
}
