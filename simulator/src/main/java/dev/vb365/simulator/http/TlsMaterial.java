package dev.vb365.simulator.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
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
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The server's TLS identity. Like a fresh VB365 install the simulator serves a certificate nobody trusts
 * by default; unlike it, the certificate is signed by a CA generated at start whose certificate is
 * written as PEM, so clients can trust it and still verify host names (localhost, 127.0.0.1, ::1).
 */
public final class TlsMaterial {
  private static final char[] IN_MEMORY_PASSWORD = "simulator".toCharArray();
  private static final String SIGNATURE = "SHA256withECDSA";

  private final SSLContext sslContext;
  private final X509Certificate caCertificate;

  private TlsMaterial(SSLContext sslContext, X509Certificate caCertificate) {
    this.sslContext = sslContext;
    this.caCertificate = caCertificate;
  }

  public SSLContext sslContext() {
    return sslContext;
  }

  public X509Certificate caCertificate() {
    return caCertificate;
  }

  /** Generates a CA and a server certificate it signs, valid from a day ago for a year. */
  public static TlsMaterial generate() {
    try {
      SecureRandom random = new SecureRandom();
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), random);
      KeyPair caKeys = generator.generateKeyPair();
      KeyPair serverKeys = generator.generateKeyPair();
      Instant now = Instant.now();
      Date from = Date.from(now.minus(Duration.ofDays(1)));
      Date to = Date.from(now.plus(Duration.ofDays(365)));
      JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();

      X500Name caName = new X500Name("CN=VB365 Simulator CA " + now.getEpochSecond());
      X509v3CertificateBuilder ca = new JcaX509v3CertificateBuilder(caName, new BigInteger(64, random), from, to,
          caName, caKeys.getPublic())
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
          .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
          .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(caKeys.getPublic()));
      X509Certificate caCert = convert(ca, signer(caKeys.getPrivate()));

      GeneralNames names = new GeneralNames(new GeneralName[] {
          new GeneralName(GeneralName.dNSName, "localhost"),
          new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
          new GeneralName(GeneralName.iPAddress, "::1")});
      X509v3CertificateBuilder server = new JcaX509v3CertificateBuilder(caCert, new BigInteger(64, random), from, to,
          new X500Name("CN=localhost"), serverKeys.getPublic())
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
          .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
          .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
          .addExtension(Extension.subjectAlternativeName, false, names)
          .addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(caCert));
      X509Certificate serverCert = convert(server, signer(caKeys.getPrivate()));

      KeyStore keyStore = KeyStore.getInstance("PKCS12");
      keyStore.load(null, null);
      keyStore.setKeyEntry("server", serverKeys.getPrivate(), IN_MEMORY_PASSWORD,
          new Certificate[] {serverCert, caCert});
      return new TlsMaterial(context(keyStore, IN_MEMORY_PASSWORD), caCert);
    } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
      throw new IllegalStateException("cannot generate the simulator's certificates", e);
    }
  }

  /** Uses the first key entry of a PKCS12 keystore; the CA written out is the last certificate of its chain. */
  public static TlsMaterial fromKeystore(Path file, char[] password) {
    try (InputStream in = Files.newInputStream(file)) {
      KeyStore keyStore = KeyStore.getInstance("PKCS12");
      keyStore.load(in, password);
      for (String alias : Collections.list(keyStore.aliases())) {
        if (keyStore.isKeyEntry(alias)) {
          Certificate[] chain = keyStore.getCertificateChain(alias);
          X509Certificate top = (X509Certificate) chain[chain.length - 1];
          return new TlsMaterial(context(keyStore, password), top);
        }
      }
      throw new IllegalArgumentException("keystore " + file + " holds no private key entry");
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException("cannot read keystore " + file + ": " + e.getMessage(), e);
    }
  }

  public void writeCaPem(Path file) {
    try {
      StringWriter out = new StringWriter();
      try (JcaPEMWriter pem = new JcaPEMWriter(out)) {
        pem.writeObject(caCertificate);
      }
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      Files.writeString(file, out.toString());
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the CA certificate to " + file, e);
    }
  }

  private static ContentSigner signer(PrivateKey key) throws OperatorCreationException {
    return new JcaContentSignerBuilder(SIGNATURE).build(key);
  }

  private static X509Certificate convert(X509v3CertificateBuilder builder, ContentSigner signer)
      throws GeneralSecurityException {
    return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
  }

  private static SSLContext context(KeyStore keyStore, char[] password) throws GeneralSecurityException {
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keyStore, password);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(kmf.getKeyManagers(), null, new SecureRandom());
    return context;
  }
}
