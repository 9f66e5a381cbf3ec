package dev.vb365.operator.veeam;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HTTP exchange: runs it, times it ({@code vb365.client.requests}; token grants are counted
 * in {@code vb365.token.refreshes}), logs it at DEBUG (method,
 * path template, status, milliseconds; never bodies, queries or headers) and turns I/O failures into
 * typed exceptions. Retrying and authentication live above it.
 */
final class Transport {

    static final String REQUESTS_TIMER = "vb365.client.requests";
    /** Token endpoint calls (Prometheus {@code vb365_token_refreshes_total}), queried by the chart's alerts. */
    static final String TOKEN_COUNTER = "vb365.token.refreshes";
    private static final Logger LOG = LoggerFactory.getLogger(Transport.class);

    private final MeterRegistry meters;

    Transport(MeterRegistry meters) {
        this.meters = meters;
    }

    interface ResponseHandler<T> {
        T handle(Response response) throws IOException;
    }

    <T> T exchange(OkHttpClient http, Request request, Endpoint endpoint, Cancellation cancellation,
            ResponseHandler<T> handler) {
        Call call = http.newCall(request);
        if (cancellation != null) {
            cancellation.register(call);
        }
        long started = System.nanoTime();
        String outcome = null;
        try (Response response = call.execute()) {
            outcome = Integer.toString(response.code());
            return handler.handle(response);
        } catch (IOException e) {
            if (cancellation != null && cancellation.isCancelled()) {
                outcome = "Cancelled";
                throw new CancellationException(endpoint + " cancelled");
            }
            outcome = e.getClass().getSimpleName();
            throw classify(endpoint, request.url().isHttps(), request.url().scheme() + "://" + request.url().host() + ":"
                    + request.url().port(), e);
        } catch (RuntimeException e) {
            if (outcome == null) {
                outcome = e.getClass().getSimpleName();
            }
            throw e;
        } finally {
            if (cancellation != null) {
                cancellation.release(call);
            }
            long nanos = System.nanoTime() - started;
            Timer.builder(REQUESTS_TIMER)
                    .description("VB365 REST calls by method, path template and status (or exception)")
                    .tag("method", endpoint.method())
                    .tag("path", endpoint.pathTemplate())
                    .tag("status", outcome == null ? "unknown" : outcome)
                    .register(meters)
                    .record(nanos, TimeUnit.NANOSECONDS);
            if (LOG.isDebugEnabled()) {
                LOG.debug("VB365 {} -> {} in {} ms", endpoint, outcome, TimeUnit.NANOSECONDS.toMillis(nanos));
            }
        }
    }

    void countToken(String grant, String outcome) {
        Counter.builder(TOKEN_COUNTER)
                .description("VB365 token grants by grant (password = login, refresh_token = refresh) and outcome")
                .tag("grant", grant)
                .tag("outcome", outcome)
                .register(meters)
                .increment();
    }

    /**
     * Names the I/O failure, in words a user can act on (no exception class names: they end up in conditions and
     * command-line errors): TLS, not reached at all (nothing sent), or broken mid-exchange.
     */
    static VeeamException classify(Endpoint endpoint, boolean https, String hostPort, IOException e) {
        String message = String.valueOf(e.getMessage());
        String lower = message.toLowerCase(java.util.Locale.ROOT);
        if (e instanceof SSLPeerUnverifiedException) {
            return new TlsException(endpoint, TlsException.Kind.HOSTNAME_MISMATCH, "the certificate of " + hostPort
                    + " does not name that host", e);
        }
        if (e instanceof SSLException) {
            if (hasCause(e, CertPathValidatorException.class) || hasCause(e, CertPathBuilderException.class)) {
                return new TlsException(endpoint, TlsException.Kind.UNTRUSTED_CERTIFICATE, "the certificate of "
                        + hostPort + " is not signed by a trusted CA", e);
            }
            if (hasCause(e, CertificateException.class)) {
                boolean name = lower.contains("subject alternative") || lower.contains("hostname");
                return new TlsException(endpoint, name ? TlsException.Kind.HOSTNAME_MISMATCH
                        : TlsException.Kind.UNTRUSTED_CERTIFICATE, name ? "the certificate of " + hostPort
                        + " does not name that host" : "the certificate of " + hostPort + " is not trusted (" + message
                        + ")", e);
            }
            if (lower.contains("unrecognized ssl message") || lower.contains("plaintext")) {
                return new TlsException(endpoint, TlsException.Kind.NOT_TLS, hostPort + " did not answer with TLS "
                        + "(a plain-HTTP server? then the URL starts with http://)", e);
            }
            return new TlsException(endpoint, TlsException.Kind.HANDSHAKE_FAILED, "the TLS handshake with " + hostPort
                    + " failed (" + message + ")", e);
        }
        if (e instanceof ConnectException && chainSays(e, "refused")) {
            return new UnreachableException(endpoint, "connection refused by " + hostPort + " (nothing listens on that "
                    + "port; VB365's REST API listens on 4443 unless changed)", e);
        }
        if (e instanceof UnknownHostException) {
            return new UnreachableException(endpoint, "unknown host in " + hostPort + " (the name does not resolve)", e);
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException
                || e instanceof PortUnreachableException) {
            return new UnreachableException(endpoint, hostPort + " cannot be reached (" + message + ")", e);
        }
        if (e instanceof SocketTimeoutException && lower.contains("connect")) {
            return new UnreachableException(endpoint, "no connection to " + hostPort + " within the connect timeout "
                    + "(a firewall, or a wrong address)", e);
        }
        if (e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException)) {
            return new TransportException(endpoint, "call timed out (" + hostPort + " took longer than the call's time "
                    + "limit)", e);
        }
        if (e instanceof SocketTimeoutException && https && duringHandshake(e)) {
            return new TlsException(endpoint, TlsException.Kind.NOT_TLS, hostPort + " did not answer the TLS handshake "
                    + "in time (a plain-HTTP server? then the URL starts with http://)", e);
        }
        if (e instanceof SocketTimeoutException) {
            return new TransportException(endpoint, "read timeout (" + hostPort + " sent no answer in time)", e);
        }
        if (!https && lower.contains("unexpected end of stream")) {
            return new TransportException(endpoint, hostPort + " closed the connection without an answer (an HTTPS "
                    + "server? then the URL starts with https://)", e);
        }
        return new TransportException(endpoint, "the connection to " + hostPort + " broke (" + message + ")", e);
    }

    /** Whether the failure happened while TLS was being set up (nothing of the request was sent yet). */
    private static boolean duringHandshake(Throwable e) {
        for (StackTraceElement frame : e.getStackTrace()) {
            if (frame.getMethodName().equals("startHandshake") || frame.getMethodName().equals("connectTls")) {
                return true;
            }
        }
        return false;
    }

    private static boolean chainSays(Throwable e, String word) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT).contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
