package dev.vb365.operator.veeam;

import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/** A private CA and server certificates signed by it, generated once per test run. */
public final class TestTls {

    /** The CA a test client is given as its bundle. */
    public static final HeldCertificate CA = new HeldCertificate.Builder()
            .certificateAuthority(0)
            .commonName("vb365-operator test CA")
            .build();

    /** A different CA nobody trusts. */
    public static final HeldCertificate OTHER_CA = new HeldCertificate.Builder()
            .certificateAuthority(0)
            .commonName("someone else's CA")
            .build();

    private TestTls() {
    }

    /** Server certificates for {@code host}, signed by {@code issuer}. */
    public static HandshakeCertificates serverCertificates(HeldCertificate issuer, String host) {
        HeldCertificate server = new HeldCertificate.Builder()
                .commonName(host)
                .addSubjectAlternativeName(host)
                .signedBy(issuer)
                .build();
        return new HandshakeCertificates.Builder()
                .heldCertificate(server, issuer.certificate())
                .build();
    }
}
