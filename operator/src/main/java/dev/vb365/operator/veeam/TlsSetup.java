package dev.vb365.operator.veeam;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TLS for one connection. Host names are always verified (OkHttp's verifier) unless the user opts
 * out. A CA bundle replaces the JVM's trust store for this connection only: VB365 servers usually
 * have a self-signed or private-CA certificate, and trusting public CAs besides adds nothing.
 */
final class TlsSetup {

    private static final Logger LOG = LoggerFactory.getLogger(TlsSetup.class);

    private TlsSetup() {
    }

    static void configure(OkHttpClient.Builder builder, VeeamConnection connection) {
        if (connection.insecureSkipTlsVerify()) {
            LOG.warn("TLS verification is DISABLED for VB365 at {} (insecureSkipTlsVerify): any certificate "
                    + "and host name are accepted", connection.baseUrl());
            X509TrustManager trustAll = new TrustAll();
            builder.sslSocketFactory(context(trustAll).getSocketFactory(), trustAll);
            builder.hostnameVerifier((host, session) -> true);
        } else if (connection.caBundlePem() != null) {
            X509TrustManager trust = trustManager(connection.caBundlePem());
            builder.sslSocketFactory(context(trust).getSocketFactory(), trust);
        }
    }

    /** A trust manager that trusts exactly the certificates in {@code pem}. */
    static X509TrustManager trustManager(String pem) {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            Collection<? extends Certificate> certificates =
                    factory.generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
            if (certificates.isEmpty()) {
                throw new IllegalArgumentException("the CA bundle contains no PEM certificate");
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int index = 0;
            for (Certificate certificate : certificates) {
                store.setCertificateEntry("ca-" + index++, certificate);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            for (TrustManager tm : tmf.getTrustManagers()) {
                if (tm instanceof X509TrustManager x509) {
                    return x509;
                }
            }
            throw new IllegalStateException("no X.509 trust manager available");
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalArgumentException("the CA bundle is not a valid PEM certificate bundle: "
                    + e.getMessage(), e);
        }
    }

    private static SSLContext context(X509TrustManager trust) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trust}, new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS", e);
        }
    }

    /** Accepts every certificate: only behind the explicit insecure opt-in. */
    private static final class TrustAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
