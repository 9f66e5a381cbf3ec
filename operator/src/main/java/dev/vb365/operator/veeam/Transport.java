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
            throw classify(endpoint, e);
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

    /** Names the I/O failure: TLS, not reached at all (nothing sent), or broken mid-exchange. */
    static VeeamException classify(Endpoint endpoint, IOException e) {
        String detail = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        if (e instanceof SSLPeerUnverifiedException) {
            return new TlsException(endpoint, TlsException.Kind.HOSTNAME_MISMATCH, detail, e);
        }
        if (e instanceof SSLException) {
            if (hasCause(e, CertPathValidatorException.class) || hasCause(e, CertPathBuilderException.class)) {
                return new TlsException(endpoint, TlsException.Kind.UNTRUSTED_CERTIFICATE, detail, e);
            }
            if (hasCause(e, CertificateException.class)) {
                String text = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
                return new TlsException(endpoint, text.contains("subject alternative") || text.contains("hostname")
                        ? TlsException.Kind.HOSTNAME_MISMATCH : TlsException.Kind.UNTRUSTED_CERTIFICATE, detail, e);
            }
            return new TlsException(endpoint, TlsException.Kind.HANDSHAKE_FAILED, detail, e);
        }
        if (e instanceof ConnectException || e instanceof UnknownHostException
                || e instanceof NoRouteToHostException || e instanceof PortUnreachableException
                || (e instanceof SocketTimeoutException && String.valueOf(e.getMessage()).toLowerCase(
                        java.util.Locale.ROOT).contains("connect"))) {
            return new UnreachableException(endpoint, detail, e);
        }
        if (e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException)) {
            return new TransportException(endpoint, "call timed out (" + detail + ")", e);
        }
        if (e instanceof SocketTimeoutException) {
            return new TransportException(endpoint, "read timeout (" + detail + ")", e);
        }
        return new TransportException(endpoint, detail, e);
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
