package dev.vb365.operator.veeam;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.CancellationException;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticated API calls with the retry policy: a bearer token from {@link VeeamAuth}, one
 * transparent retry after a 401 (with a fresh login), and backoff retries where the route's safety
 * allows (see {@link Route}).
 */
final class ApiCaller {

    private static final Logger LOG = LoggerFactory.getLogger(ApiCaller.class);
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final RequestBody EMPTY = RequestBody.create(new byte[0], null);

    private final HttpUrl baseUrl;
    private final OkHttpClient http;
    private final OkHttpClient httpNoSilentRetry;
    private final Timeouts timeouts;
    private final Transport transport;
    private final VeeamAuth auth;
    private final ErrorMapper errors;
    private final RetryPolicy policy;

    ApiCaller(HttpUrl baseUrl, OkHttpClient http, Timeouts timeouts, Transport transport, VeeamAuth auth,
            ErrorMapper errors, RetryPolicy policy) {
        this.baseUrl = baseUrl;
        this.http = http;
        // OkHttp silently re-sends a request whose pooled connection failed; for writes that must
        // not happen twice we want to see that failure instead.
        this.httpNoSilentRetry = http.newBuilder().retryOnConnectionFailure(false).build();
        this.timeouts = timeouts;
        this.transport = transport;
        this.auth = auth;
        this.errors = errors;
        this.policy = policy;
    }

    interface BodyReader<T> {
        T read(InputStream body, Endpoint endpoint, int status) throws IOException;
    }

    static final BodyReader<Void> NO_BODY = (body, endpoint, status) -> null;

    static <T> BodyReader<T> json(Class<T> type) {
        return (body, endpoint, status) -> VeeamJson.read(body, VeeamJson.type(type), endpoint, status, false);
    }

    ApiVersion version() {
        return auth.version();
    }

    /** Runs the call; a 204 (or any success when the reader is {@link #NO_BODY}) yields {@code null}. */
    <T> T execute(ApiRequest request, BodyReader<T> reader) {
        ApiVersion version = auth.version();
        Endpoint endpoint = request.route.endpoint(version);
        HttpUrl url = url(version, request);
        byte[] body = request.body == null ? null : VeeamJson.write(request.body);
        OkHttpClient client = client(request);
        long started = System.nanoTime();
        boolean reauthenticated = false;
        int attempt = 0;
        while (true) {
            if (request.cancellation != null) {
                request.cancellation.throwIfCancelled();
            }
            attempt++;
            String token = auth.accessToken();
            Request httpRequest = new Request.Builder()
                    .url(url)
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json")
                    .method(request.route.method(), requestBody(request.route.method(), body))
                    .build();
            try {
                return transport.exchange(client, httpRequest, endpoint, request.cancellation, response -> {
                    if (!response.isSuccessful()) {
                        throw errors.fromResponse(endpoint, response);
                    }
                    // 204 is "done, nothing to say"; any other 2xx must carry what the reader expects
                    // (an empty body there is a malformed response, not a null).
                    if (response.code() == 204 || reader == NO_BODY) {
                        return null;
                    }
                    try (InputStream in = JsonBody.open(endpoint, response)) {
                        return reader.read(in, endpoint, response.code());
                    }
                });
            } catch (UnauthorizedException e) {
                if (reauthenticated) {
                    throw e;
                }
                // The token may have been revoked or the server restarted: log in again, once. A
                // 401 means the request was not processed, so this is safe for every route.
                reauthenticated = true;
                attempt--;
                LOG.debug("{} answered 401; re-authenticating and retrying once", endpoint);
                auth.invalidate(token);
            } catch (VeeamException e) {
                Duration delay = retryDelay(request.route.safety(), e, attempt, started);
                if (delay == null) {
                    throw finalFailure(request, endpoint, e);
                }
                LOG.debug("{} failed ({}); retry {} of {} in {} ms", endpoint, e.getClass().getSimpleName(),
                        attempt, policy.maxAttempts() - 1, delay.toMillis());
                sleep(delay);
            }
        }
    }

    /** The delay before the next attempt, or {@code null} when the failure is final. */
    private Duration retryDelay(Route.Safety safety, VeeamException e, int attempt, long startedNanos) {
        if (!e.retryable() || e instanceof ConflictException || attempt >= policy.maxAttempts()) {
            return null;
        }
        boolean allowed = switch (safety) {
            case IDEMPOTENT -> true;
            case RETRY_IF_UNPROCESSED -> e instanceof UnreachableException || e instanceof ThrottledException;
            case NEVER -> false;
        };
        if (!allowed) {
            return null;
        }
        Duration asked = e instanceof ThrottledException t ? t.retryAfter().orElse(null)
                : e instanceof ServerErrorException s ? s.retryAfter().orElse(null) : null;
        if (asked != null && asked.compareTo(policy.maxRetryAfter()) > 0) {
            return null;
        }
        Duration delay = asked != null ? asked : policy.backoff(attempt);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startedNanos);
        return elapsed.plus(delay).compareTo(policy.maxTotal()) > 0 ? null : delay;
    }

    /** A write that may have been applied is reported as such; everything else as it is. */
    private static VeeamException finalFailure(ApiRequest request, Endpoint endpoint, VeeamException e) {
        if (request.route.safety() == Route.Safety.IDEMPOTENT || !outcomeAmbiguous(e)) {
            return e;
        }
        return request.outcomeUnknown != null ? request.outcomeUnknown.apply(endpoint, e)
                : new OutcomeUnknownException(endpoint, "the request may or may not have been applied", e);
    }

    /** Whether the server may have applied the request although the call failed. */
    static boolean outcomeAmbiguous(VeeamException e) {
        return (e instanceof TransportException && !(e instanceof UnreachableException))
                || e instanceof ServerErrorException || e instanceof MalformedResponseException;
    }

    private OkHttpClient client(ApiRequest request) {
        OkHttpClient base = request.route.safety() == Route.Safety.IDEMPOTENT ? http : httpNoSilentRetry;
        if (request.longPoll == null) {
            return base;
        }
        return base.newBuilder()
                .readTimeout(timeouts.read().plus(request.longPoll))
                .callTimeout(timeouts.call().plus(request.longPoll))
                .build();
    }

    private HttpUrl url(ApiVersion version, ApiRequest request) {
        HttpUrl.Builder url = baseUrl.newBuilder().addPathSegment(version.segment());
        Iterator<String> values = request.pathValues.iterator();
        for (String segment : request.route.template().split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            url.addPathSegment(segment.startsWith("{") ? values.next() : segment);
        }
        request.query().forEach(url::addQueryParameter);
        return url.build();
    }

    private static RequestBody requestBody(String method, byte[] body) {
        if (body != null) {
            return RequestBody.create(body, JSON);
        }
        return method.equals("POST") || method.equals("PUT") ? EMPTY : null;
    }

    static void sleep(Duration delay) {
        if (delay.isZero() || delay.isNegative()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting to retry");
        }
    }
}
