package org.stratacache.jcache.internal.store.redis;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import org.stratacache.jcache.configuration.RedisTlsSettings;

/**
 * Reads the files of {@link RedisTlsSettings} once at {@code createCache} ({@link RedisTls#check}), so
 * that a wrong file fails there with the setting's name instead of as a TLS error on connecting.
 * Messages never show the password.
 */
final class TlsFiles {

  private TlsFiles() {
  }

  /** Checks that {@code file} holds at least one PEM (or DER) X.509 certificate. */
  static void certificates(String key, String file) {
    if (file == null) {
      return;
    }
    try (InputStream in = Files.newInputStream(readable(key, file))) {
      if (CertificateFactory.getInstance("X.509").generateCertificates(in).isEmpty()) {
        throw new IllegalArgumentException(key + " = " + file + ": holds no certificate");
      }
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException(key + " = " + file + ": not a PEM certificate file (" + e.getMessage() + ")",
          e);
    }
  }

  /** Checks that {@code file} holds a PKCS#8 PEM private key, the form Java's TLS can read. */
  static void privateKey(String key, String file) {
    if (file == null) {
      return;
    }
    String text;
    try {
      text = Files.readString(readable(key, file), StandardCharsets.US_ASCII);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(key + " = " + file + ": cannot be read as a PEM file", e);
    }
    if (text.contains("-----BEGIN RSA PRIVATE KEY-----") || text.contains("-----BEGIN EC PRIVATE KEY-----")) {
      throw new IllegalArgumentException(key + " = " + file + ": a PKCS#1/SEC1 key; convert it to PKCS#8, e.g. "
          + "openssl pkcs8 -topk8 -nocrypt -in " + file + " -out client.pk8.key");
    }
    if (!text.contains("-----BEGIN PRIVATE KEY-----") && !text.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----")) {
      throw new IllegalArgumentException(key + " = " + file + ": holds no PKCS#8 PEM private key");
    }
  }

  /** Checks that {@code file} is a PKCS#12 keystore that {@code password} opens. */
  static void keystore(String key, String file, String password) {
    if (file == null) {
      return;
    }
    try (InputStream in = Files.newInputStream(readable(key, file))) {
      KeyStore.getInstance("PKCS12").load(in, password == null ? new char[0] : password.toCharArray());
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException(key + " = " + file + ": not a PKCS#12 keystore that redis-tls.key-password "
          + "opens (" + e.getMessage() + ")", e);
    }
  }

  private static Path readable(String key, String file) {
    Path path = Path.of(file);
    if (!Files.isReadable(path)) {
      throw new IllegalArgumentException(key + " = " + file + ": no such readable file");
    }
    return path;
  }
}
