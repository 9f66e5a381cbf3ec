package dev.vb365.operator.veeam;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.net.ServerSocketFactory;
import mockwebserver3.MockWebServer;
import okhttp3.Protocol;
import okhttp3.tls.HandshakeCertificates;

/**
 * A {@link FakeVeeam} served over HTTPS (certificate for {@code localhost} from {@link TestTls#CA})
 * by MockWebServer, and clients configured for it: the CA as bundle, short timeouts, fast retries,
 * a hand-moved clock and an inspectable meter registry.
 */
public final class VeeamTestServer implements AutoCloseable {

    public final FakeVeeam fake;
    public final MockWebServer server = new MockWebServer();
    public final MutableClock clock = new MutableClock(Instant.parse("2024-05-01T10:00:00Z"));
    public final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private VeeamTestServer(ApiVersion version, HandshakeCertificates certificates) {
        this.fake = new FakeVeeam(version);
        server.setServerSocketFactory(new NoDelayServerSockets());
        server.useHttps(certificates.sslSocketFactory());
        // HTTP/1.1 keeps socket-level faults (resets, stalls) deterministic.
        server.setProtocols(List.of(Protocol.HTTP_1_1));
        server.setDispatcher(fake);
        try {
            server.start(InetAddress.getByName("localhost"), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static VeeamTestServer start(ApiVersion version) {
        return new VeeamTestServer(version, TestTls.serverCertificates(TestTls.CA, "localhost"));
    }

    /** A server whose certificate is for {@code host}, signed by {@code issuer}. */
    public static VeeamTestServer startWithCertificate(ApiVersion version, okhttp3.tls.HeldCertificate issuer,
            String host) {
        return new VeeamTestServer(version, TestTls.serverCertificates(issuer, host));
    }

    public String baseUrl() {
        return "https://localhost:" + server.getPort();
    }

    public VeeamConnection connection() {
        return new VeeamConnection(baseUrl(), FakeVeeam.USERNAME, Secret.of(FakeVeeam.PASSWORD),
                TestTls.CA.certificatePem(), false,
                new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2),
                        Duration.ofSeconds(10)));
    }

    public VeeamClientOptions options() {
        return VeeamClientOptions.defaults()
                .withRetryPolicy(new RetryPolicy(4, Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofSeconds(5),
                        Duration.ofSeconds(3)))
                .withMeterRegistry(meters)
                .withClock(clock);
    }

    public VeeamClient client() {
        return VeeamClient.create(connection(), options());
    }

    public VeeamClient client(VeeamClientOptions options) {
        return VeeamClient.create(connection(), options);
    }

    @Override
    public void close() {
        server.close();
    }

    /**
     * MockWebServer writes headers and body separately; with Nagle's algorithm on its sockets each
     * response then waits for the client's delayed ACK (40 ms). Real servers set TCP_NODELAY; so
     * does this one, which makes the tests about 20 times faster per request.
     */
    private static final class NoDelayServerSockets extends ServerSocketFactory {
        @Override
        public ServerSocket createServerSocket() throws IOException {
            return new ServerSocket() {
                @Override
                public Socket accept() throws IOException {
                    Socket socket = super.accept();
                    socket.setTcpNoDelay(true);
                    return socket;
                }
            };
        }

        @Override
        public ServerSocket createServerSocket(int port) throws IOException {
            throw new UnsupportedOperationException("MockWebServer binds unbound sockets");
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog) throws IOException {
            throw new UnsupportedOperationException("MockWebServer binds unbound sockets");
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
            throw new UnsupportedOperationException("MockWebServer binds unbound sockets");
        }
    }
}
