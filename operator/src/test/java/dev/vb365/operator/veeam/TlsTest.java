package dev.vb365.operator.veeam;

import static dev.vb365.operator.veeam.LeakGuard.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

@ExtendWith(LeakGuard.class)
class TlsTest {

    @Test
    void aServerCertifiedByTheConfiguredCaIsTrusted() {
        try (VeeamTestServer vb = VeeamTestServer.start(ApiVersion.V8)) {
            assertThat(vb.client().apiVersion()).isEqualTo(ApiVersion.V8);
            assertThat(vb.fake.tokenRequests().get(0).getHandshake()).isNotNull();
        }
    }

    @Test
    void theBundleCanComeFromAFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path ca = dir.resolve("ca.pem");
        java.nio.file.Files.writeString(ca, TestTls.CA.certificatePem());
        try (VeeamTestServer vb = VeeamTestServer.start(ApiVersion.V8)) {
            VeeamClient client = VeeamClient.create(vb.connection().withCaBundle(null).withCaBundleFile(ca),
                    vb.options());

            assertThat(client.apiVersion()).isEqualTo(ApiVersion.V8);
        }
    }

    @Test
    void aServerCertifiedBySomeOtherCaIsNotTrusted() {
        try (VeeamTestServer vb = VeeamTestServer.startWithCertificate(ApiVersion.V8, TestTls.OTHER_CA, "localhost")) {
            TlsException e = failure(TlsException.class, () -> vb.client().apiVersion());

            assertThat(e.kind()).isEqualTo(TlsException.Kind.UNTRUSTED_CERTIFICATE);
            assertThat(e.retryable()).isFalse();
            assertThat(e.getMessage()).startsWith("POST /v8/token: the certificate of https://localhost:")
                    .endsWith("is not signed by a trusted CA");
            assertThat(vb.fake.requests()).isEmpty();
        }
    }

    @Test
    void withoutABundleThePrivateCaIsNotTrusted() {
        try (VeeamTestServer vb = VeeamTestServer.start(ApiVersion.V8)) {
            VeeamClient client = VeeamClient.create(vb.connection().withCaBundle(null), vb.options());

            TlsException e = failure(TlsException.class, client::apiVersion);

            assertThat(e.kind()).isEqualTo(TlsException.Kind.UNTRUSTED_CERTIFICATE);
        }
    }

    @Test
    void aCertificateForAnotherHostIsRejected() {
        try (VeeamTestServer vb = VeeamTestServer.startWithCertificate(ApiVersion.V8, TestTls.CA, "vb365.example.com")) {
            TlsException e = failure(TlsException.class, () -> vb.client().apiVersion());

            assertThat(e.kind()).isEqualTo(TlsException.Kind.HOSTNAME_MISMATCH);
            assertThat(e.getMessage()).contains("localhost");
        }
    }

    @Test
    void theInsecureOptInAcceptsAnythingAndSaysSo() {
        Logger logger = (Logger) LoggerFactory.getLogger(TlsSetup.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try (VeeamTestServer vb = VeeamTestServer.startWithCertificate(ApiVersion.V8, TestTls.OTHER_CA,
                "vb365.example.com")) {
            VeeamClient client = VeeamClient.create(vb.connection().withCaBundle(null).withInsecureSkipTlsVerify(true),
                    vb.options());

            assertThat(client.apiVersion()).isEqualTo(ApiVersion.V8);
            client.apiVersion();
            assertThat(appender.list).filteredOn(e -> e.getLevel() == Level.WARN)
                    .singleElement()
                    .satisfies(e -> assertThat(e.getFormattedMessage()).contains("TLS verification is DISABLED")
                            .contains(vb.baseUrl()));
        } finally {
            logger.detachAppender(appender);
        }
    }

    @Test
    void anUnreadableBundleIsRejectedWhenTheClientIsCreated() {
        VeeamConnection connection = VeeamConnection.of("https://vb365.example.com:4443", "u", Secret.of("p"))
                .withCaBundle("-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n");

        assertThatThrownBy(() -> VeeamClient.create(connection)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the CA bundle is not a valid PEM certificate bundle");
    }
}
