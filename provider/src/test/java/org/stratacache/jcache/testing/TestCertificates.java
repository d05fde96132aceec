package org.stratacache.jcache.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates made for one test run, written as PEM files (keys as unencrypted PKCS#8) into a
 * directory: a CA, a server certificate it signed for given names, a client certificate it signed
 * (also as a PKCS#12 keystore), and a second, unrelated CA that trusts none of them. EC P-256 keys,
 * valid for a day.
 */
public final class TestCertificates {

  /** The password of {@link #clientKeystore()}. */
  public static final String KEYSTORE_PASSWORD = "keystore-secret";

  private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

  private final Path directory;
  private final Issuer ca;
  private final Path caFile;
  private final Path untrustedCaFile;
  private final Path clientCertFile;
  private final Path clientKeyFile;
  private final Path clientKeystore;

  private TestCertificates(Path directory) throws IOException, GeneralSecurityException, OperatorCreationException {
    this.directory = directory;
    this.ca = Issuer.selfSigned("Strata Test CA");
    this.caFile = pem("ca.crt", ca.certificate());
    this.untrustedCaFile = pem("untrusted-ca.crt", Issuer.selfSigned("Untrusted Test CA").certificate());
    KeyPair client = keyPair();
    X509Certificate clientCertificate = ca.sign("strata-client", client, KeyPurposeId.id_kp_clientAuth, List.of());
    this.clientCertFile = pem("client.crt", clientCertificate);
    this.clientKeyFile = pem("client.key", new JcaPKCS8Generator(client.getPrivate(), null));
    this.clientKeystore = directory.resolve("client.p12");
    KeyStore keystore = KeyStore.getInstance("PKCS12");
    keystore.load(null, null);
    keystore.setKeyEntry("client", client.getPrivate(), KEYSTORE_PASSWORD.toCharArray(),
        new Certificate[] {clientCertificate, ca.certificate()});
    try (OutputStream out = Files.newOutputStream(clientKeystore)) {
      keystore.store(out, KEYSTORE_PASSWORD.toCharArray());
    }
  }

  /** Makes the certificates in a new temporary directory. */
  public static TestCertificates generate() {
    try {
      return new TestCertificates(Files.createTempDirectory("strata-tls"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("Cannot make test certificates", e);
    }
  }

  /**
   * A server certificate and key signed by the CA, for these DNS names and IP addresses.
   *
   * @param name a file name stem, e.g. {@code server}
   */
  public ServerIdentity server(String name, String... hosts) {
    try {
      KeyPair pair = keyPair();
      List<GeneralName> names = new ArrayList<>();
      for (String host : hosts) {
        boolean ip = Character.isDigit(host.charAt(0)) || host.contains(":");
        names.add(ip ? new GeneralName(GeneralName.iPAddress, InetAddress.getByName(host).getHostAddress())
            : new GeneralName(GeneralName.dNSName, host));
      }
      X509Certificate certificate = ca.sign(name, pair, KeyPurposeId.id_kp_serverAuth, names);
      return new ServerIdentity(pem(name + ".crt", certificate),
          pem(name + ".key", new JcaPKCS8Generator(pair.getPrivate(), null)), caFile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("Cannot make a test server certificate", e);
    }
  }

  /** The CA certificate (PEM) that signed every other certificate here. */
  public Path caFile() {
    return caFile;
  }

  /** A CA certificate (PEM) that signed nothing here. */
  public Path untrustedCaFile() {
    return untrustedCaFile;
  }

  /** The client certificate (PEM). */
  public Path clientCertFile() {
    return clientCertFile;
  }

  /** The client key (PKCS#8 PEM, unencrypted). */
  public Path clientKeyFile() {
    return clientKeyFile;
  }

  /** The client key and certificate chain as PKCS#12, password {@link #KEYSTORE_PASSWORD}. */
  public Path clientKeystore() {
    return clientKeystore;
  }

  private Path pem(String name, Object object) throws IOException {
    Path file = directory.resolve(name);
    try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.US_ASCII);
         JcaPEMWriter pem = new JcaPEMWriter(writer)) {
      if (object instanceof JcaPKCS8Generator generator) {
        pem.writeObject(generator);
      } else {
        pem.writeObject(object);
      }
    }
    return file;
  }

  private static KeyPair keyPair() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }

  /** A server's certificate, key and the CA that signed it, as redis-server's --tls-* options take them. */
  public record ServerIdentity(Path certFile, Path keyFile, Path caFile) {
  }

  /** A CA: its key and self-signed certificate. */
  private record Issuer(KeyPair keys, X509Certificate certificate) {

    static Issuer selfSigned(String name) throws IOException, GeneralSecurityException, OperatorCreationException {
      KeyPair keys = keyPair();
      X500Name subject = new X500Name("CN=" + name);
      X509v3CertificateBuilder builder = builder(subject, subject, keys)
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
          .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      return new Issuer(keys, convert(builder, keys));
    }

    X509Certificate sign(String name, KeyPair subject, KeyPurposeId purpose, List<GeneralName> names)
        throws IOException, GeneralSecurityException, OperatorCreationException {
      X509v3CertificateBuilder builder = builder(
          X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()), new X500Name("CN=" + name), subject)
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
          .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement))
          .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
      if (!names.isEmpty()) {
        builder.addExtension(Extension.subjectAlternativeName, false,
            new GeneralNames(names.toArray(new GeneralName[0])));
      }
      return convert(builder, keys);
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair keys) {
      Instant now = Instant.now();
      return new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIAL.incrementAndGet()),
          Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(1))), subject,
          keys.getPublic());
    }

    private static X509Certificate convert(X509v3CertificateBuilder builder, KeyPair signer)
        throws GeneralSecurityException, OperatorCreationException {
      return new JcaX509CertificateConverter().getCertificate(
          builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate())));
    }
  }
}
