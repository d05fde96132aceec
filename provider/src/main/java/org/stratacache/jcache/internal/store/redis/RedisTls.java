package org.stratacache.jcache.internal.store.redis;

import io.lettuce.core.RedisURI;
import io.lettuce.core.SslOptions;
import io.lettuce.core.SslVerifyMode;
import java.io.File;
import java.time.Duration;
import org.stratacache.jcache.configuration.RedisTlsSettings;

/** Checks {@link RedisTlsSettings} and turns them into Lettuce's TLS options. */
final class RedisTls {

  private RedisTls() {
  }

  /**
   * Checks that the settings fit together and that their files hold what they should (certificates,
   * a PKCS#8 key, a keystore the password opens).
   *
   * @param tlsUri whether the Redis URI uses TLS ({@code rediss://}); settings without it are a mistake
   * @throws IllegalArgumentException naming the setting at fault, never the password
   */
  static void check(RedisTlsSettings tls, boolean tlsUri) {
    if (!tls.isConfigured()) {
      return;
    }
    if (!tlsUri) {
      throw new IllegalArgumentException("redis-tls settings are set (" + tls + ") but the Redis URI does not use "
          + "TLS: use rediss:// (or rediss-sentinel://, rediss-cluster://)");
    }
    String clientCertFile = tls.getClientCertFile();
    String clientKeyFile = tls.getClientKeyFile();
    String keystoreFile = tls.getKeystoreFile();
    if ((clientCertFile == null) != (clientKeyFile == null)) {
      throw new IllegalArgumentException("redis-tls.client-cert-file and redis-tls.client-key-file go together; "
          + "only " + (clientCertFile == null ? "redis-tls.client-key-file" : "redis-tls.client-cert-file")
          + " is set");
    }
    if (keystoreFile != null && clientCertFile != null) {
      throw new IllegalArgumentException("redis-tls.keystore-file and redis-tls.client-cert-file both name a client "
          + "certificate; set one of them");
    }
    if (tls.getKeyPassword() != null && keystoreFile == null && clientKeyFile == null) {
      throw new IllegalArgumentException("redis-tls.key-password is set but neither redis-tls.keystore-file nor "
          + "redis-tls.client-key-file is");
    }
    TlsFiles.certificates("redis-tls.ca-file", tls.getCaFile());
    TlsFiles.certificates("redis-tls.client-cert-file", clientCertFile);
    TlsFiles.privateKey("redis-tls.client-key-file", clientKeyFile);
    TlsFiles.keystore("redis-tls.keystore-file", keystoreFile, tls.getKeyPassword());
  }

  /**
   * The TLS options of a connection: trust, client certificate, and a handshake that gives up after
   * {@code timeout} (Netty's default would wait 10 s on a server that never answers).
   */
  static SslOptions options(RedisTlsSettings tls, Duration timeout) {
    SslOptions.Builder builder = SslOptions.builder().jdkSslProvider().handshakeTimeout(timeout);
    if (tls.getCaFile() != null) {
      builder.trustManager(new File(tls.getCaFile()));
    }
    char[] password = tls.getKeyPassword() == null ? null : tls.getKeyPassword().toCharArray();
    if (tls.getKeystoreFile() != null) {
      builder.keystore(new File(tls.getKeystoreFile()), password == null ? new char[0] : password);
    } else if (tls.getClientCertFile() != null) {
      builder.keyManager(new File(tls.getClientCertFile()), new File(tls.getClientKeyFile()), password);
    }
    return builder.build();
  }

  /** Relaxes full verification to the CA only when host names are not to be verified. */
  static RedisURI apply(RedisURI uri, RedisTlsSettings tls) {
    if (!tls.isVerifyHostname() && uri.getVerifyMode() == SslVerifyMode.FULL) {
      uri.setVerifyPeer(SslVerifyMode.CA);
    }
    return uri;
  }
}
