package dev.vb365.operator.embedded;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
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
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The files a local kube-apiserver needs, generated afresh for each start: a CA, the server's certificate
 * (127.0.0.1, localhost and the kubernetes Service's names), an administrator's client certificate (group
 * {@code system:masters}, as kubeadm's admin.conf) and the service-account signing key (for TokenRequest).
 */
record ControlPlaneCertificates(Path caCert, Path serverCert, Path serverKey, Path adminCert, Path adminKey,
    Path serviceAccountKey) {

  private static final String SIGNATURE = "SHA256withECDSA";

  static ControlPlaneCertificates generate(Path dir) {
    try {
      Files.createDirectories(dir);
      SecureRandom random = new SecureRandom();
      KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
      ec.initialize(new ECGenParameterSpec("secp256r1"), random);
      Instant now = Instant.now();
      Date from = Date.from(now.minus(Duration.ofHours(1)));
      Date to = Date.from(now.plus(Duration.ofDays(30)));

      KeyPair caKeys = ec.generateKeyPair();
      X500Name caName = new X500Name("CN=vb365 test cluster CA " + now.getEpochSecond());
      X509Certificate ca = sign(new JcaX509v3CertificateBuilder(caName, serial(random), from, to, caName,
          caKeys.getPublic())
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
          .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)),
          caKeys.getPrivate());

      KeyPair serverKeys = ec.generateKeyPair();
      GeneralNames names = new GeneralNames(new GeneralName[] {
          new GeneralName(GeneralName.dNSName, "localhost"),
          new GeneralName(GeneralName.dNSName, "kubernetes"),
          new GeneralName(GeneralName.dNSName, "kubernetes.default.svc"),
          new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
          new GeneralName(GeneralName.iPAddress, "10.0.0.1")});
      X509Certificate server = sign(new JcaX509v3CertificateBuilder(ca, serial(random), from, to,
          new X500Name("CN=kube-apiserver"), serverKeys.getPublic())
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
          .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
          .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
          .addExtension(Extension.subjectAlternativeName, false, names), caKeys.getPrivate());

      KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
      rsa.initialize(2048, random);
      // RSA: fabric8's client reads PKCS#8 RSA client keys, not EC ones.
      KeyPair adminKeys = rsa.generateKeyPair();
      X509Certificate admin = sign(new JcaX509v3CertificateBuilder(ca, serial(random), from, to,
          new X500Name("O=system:masters,CN=vb365-test-admin"), adminKeys.getPublic())
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
          .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
          .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth)),
          caKeys.getPrivate());

      KeyPair serviceAccount = rsa.generateKeyPair();

      ControlPlaneCertificates files = new ControlPlaneCertificates(dir.resolve("ca.crt"), dir.resolve("apiserver.crt"),
          dir.resolve("apiserver.key"), dir.resolve("admin.crt"), dir.resolve("admin.key"), dir.resolve("sa.key"));
      write(files.caCert(), ca);
      write(files.serverCert(), server);
      write(files.serverKey(), serverKeys.getPrivate());
      write(files.adminCert(), admin);
      write(files.adminKey(), adminKeys.getPrivate());
      write(files.serviceAccountKey(), serviceAccount.getPrivate());
      return files;
    } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
      throw new IllegalStateException("cannot generate the control plane's certificates in " + dir, e);
    }
  }

  private static BigInteger serial(SecureRandom random) {
    return new BigInteger(64, random);
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey issuer)
      throws OperatorCreationException, GeneralSecurityException {
    return new JcaX509CertificateConverter().getCertificate(builder.build(
        new JcaContentSignerBuilder(SIGNATURE).build(issuer)));
  }

  /** PKCS#8 ("PRIVATE KEY"), which Go's crypto/tls and keyutil read for both EC and RSA. */
  private static void write(Path file, PrivateKey key) throws IOException {
    String body = java.util.Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
        .encodeToString(key.getEncoded());
    Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n");
  }

  private static void write(Path file, X509Certificate object) throws IOException {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter pem = new JcaPEMWriter(out)) {
      pem.writeObject(object);
    }
    Files.writeString(file, out.toString());
  }
}
