package org.stratacache.jcache.configuration;

import java.io.Serializable;
import java.util.Objects;

/**
 * How a Redis cache authenticates the server and itself over TLS ({@code rediss://} URIs): the CA
 * that signed the server's certificate (PEM), the client's certificate and PKCS#8 key (PEM) or a
 * PKCS#12 keystore for mutual TLS, the password of that key or keystore, and whether the server's
 * certificate must name the host of the URI. Without a CA file the JVM's default trust store is used.
 *
 * <p>Immutable; every method returns a new instance. The password never appears in
 * {@link #toString()} or in a message. The Redis store checks the settings and their files when a
 * cache is created.
 */
public final class RedisTlsSettings implements Serializable {

  private static final long serialVersionUID = 1L;

  private final String caFile;
  private final String clientCertFile;
  private final String clientKeyFile;
  private final String keystoreFile;
  private final String keyPassword;
  private final Boolean verifyHostname;

  private RedisTlsSettings(String caFile, String clientCertFile, String clientKeyFile, String keystoreFile,
                           String keyPassword, Boolean verifyHostname) {
    this.caFile = caFile;
    this.clientCertFile = clientCertFile;
    this.clientKeyFile = clientKeyFile;
    this.keystoreFile = keystoreFile;
    this.keyPassword = keyPassword;
    this.verifyHostname = verifyHostname;
  }

  /** Nothing set: the JVM's trust store, no client certificate, host names verified. */
  public static RedisTlsSettings defaults() {
    return new RedisTlsSettings(null, null, null, null, null, null);
  }

  /** Trusts the CA certificates in this PEM file (instead of the JVM's default trust store). */
  public RedisTlsSettings caFile(String file) {
    return new RedisTlsSettings(file, clientCertFile, clientKeyFile, keystoreFile, keyPassword, verifyHostname);
  }

  /** Presents this PEM certificate (chain) to the server; needs {@link #clientKeyFile(String)}. */
  public RedisTlsSettings clientCertFile(String file) {
    return new RedisTlsSettings(caFile, file, clientKeyFile, keystoreFile, keyPassword, verifyHostname);
  }

  /** The PKCS#8 PEM private key of the client certificate (encrypted if a key password is set). */
  public RedisTlsSettings clientKeyFile(String file) {
    return new RedisTlsSettings(caFile, clientCertFile, file, keystoreFile, keyPassword, verifyHostname);
  }

  /** Presents the key and certificate of this PKCS#12 keystore instead of PEM files. */
  public RedisTlsSettings keystoreFile(String file) {
    return new RedisTlsSettings(caFile, clientCertFile, clientKeyFile, file, keyPassword, verifyHostname);
  }

  /** The password of the keystore, or of an encrypted client key. */
  public RedisTlsSettings keyPassword(String password) {
    return new RedisTlsSettings(caFile, clientCertFile, clientKeyFile, keystoreFile, password, verifyHostname);
  }

  /** Whether the server certificate must name the host of the URI (default {@code true}). */
  public RedisTlsSettings verifyHostname(Boolean verify) {
    return new RedisTlsSettings(caFile, clientCertFile, clientKeyFile, keystoreFile, keyPassword, verify);
  }

  /** The CA PEM file, or {@code null} for the JVM's trust store. */
  public String getCaFile() {
    return caFile;
  }

  /** The client certificate PEM file, or {@code null}. */
  public String getClientCertFile() {
    return clientCertFile;
  }

  /** The client key PEM file, or {@code null}. */
  public String getClientKeyFile() {
    return clientKeyFile;
  }

  /** The PKCS#12 keystore file, or {@code null}. */
  public String getKeystoreFile() {
    return keystoreFile;
  }

  /** The key or keystore password, or {@code null}. Never log it. */
  public String getKeyPassword() {
    return keyPassword;
  }

  /** The verify-hostname flag as configured, or {@code null} when unset. */
  public Boolean getVerifyHostname() {
    return verifyHostname;
  }

  /** Whether the server certificate must name the host of the URI. */
  public boolean isVerifyHostname() {
    return !Boolean.FALSE.equals(verifyHostname);
  }

  /** Whether any setting differs from the defaults. */
  public boolean isConfigured() {
    return caFile != null || clientCertFile != null || clientKeyFile != null || keystoreFile != null
        || keyPassword != null || verifyHostname != null;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RedisTlsSettings that && Objects.equals(caFile, that.caFile)
        && Objects.equals(clientCertFile, that.clientCertFile) && Objects.equals(clientKeyFile, that.clientKeyFile)
        && Objects.equals(keystoreFile, that.keystoreFile) && Objects.equals(keyPassword, that.keyPassword)
        && Objects.equals(verifyHostname, that.verifyHostname);
  }

  @Override
  public int hashCode() {
    return Objects.hash(caFile, clientCertFile, clientKeyFile, keystoreFile, keyPassword, verifyHostname);
  }

  @Override
  public String toString() {
    return "RedisTlsSettings{caFile=" + caFile + ", clientCertFile=" + clientCertFile + ", clientKeyFile="
        + clientKeyFile + ", keystoreFile=" + keystoreFile + ", keyPassword=" + (keyPassword == null ? null : "****")
        + ", verifyHostname=" + isVerifyHostname() + "}";
  }
}
