package org.stratacache.jcache.internal.store.redis;

import io.lettuce.core.RedisURI;
import io.lettuce.core.SslOptions;
import io.lettuce.core.SslVerifyMode;
import java.io.File;
import java.time.Duration;
import org.stratacache.jcache.configuration.RedisTlsSettings;

/** Turns {@link RedisTlsSettings} into Lettuce's TLS options. */
final class RedisTls {

  private RedisTls() {
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
