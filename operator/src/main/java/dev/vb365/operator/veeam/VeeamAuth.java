package dev.vb365.operator.veeam;

import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tokens for one connection. One login serves all callers until it nears expiry; then the refresh
 * grant renews it, and a password login replaces it when the refresh is refused. Only one caller at
 * a time talks to the token endpoint (the others wait for its result), a 429 is waited out as the
 * server asks, and after a rejected password or a long throttle the client does not ask again
 * before the backoff ends: the token endpoint is throttled per second, minute and hour.
 *
 * <p>The first login also detects the API version: it tries the token endpoint of each candidate
 * version, newest first; a 404 means the server does not have that version.
 */
final class VeeamAuth {

    private static final Logger LOG = LoggerFactory.getLogger(VeeamAuth.class);

    private final VeeamConnection connection;
    private final HttpUrl baseUrl;
    private final OkHttpClient http;
    private final Transport transport;
    private final ErrorMapper errors;
    private final Redactor redactor;
    private final VeeamClientOptions options;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();

    private volatile Session session;
    private volatile ApiVersion version;
    // Guarded by lock: when set, no login is attempted before 'blockedUntil'.
    private Instant blockedUntil;
    private VeeamException blockedBy;

    VeeamAuth(VeeamConnection connection, HttpUrl baseUrl, OkHttpClient http, Transport transport, ErrorMapper errors,
            Redactor redactor, VeeamClientOptions options) {
        this.connection = connection;
        this.baseUrl = baseUrl;
        this.http = http;
        this.transport = transport;
        this.errors = errors;
        this.redactor = redactor;
        this.options = options;
        this.clock = options.clock();
        if (options.apiVersions().size() == 1) {
            version = options.apiVersions().get(0);
        }
    }

    /** The server's API version, logging in first if it is not known yet. */
    ApiVersion version() {
        ApiVersion known = version;
        if (known != null && session != null) {
            return known;
        }
        accessToken();
        return version;
    }

    /** A valid access token. */
    String accessToken() {
        Session current = session;
        if (current != null && current.fresh(clock.instant())) {
            return current.accessToken;
        }
        lock.lock();
        try {
            return obtain();
        } finally {
            lock.unlock();
        }
    }

    /** Forgets {@code rejected} after a 401 so the next caller gets a new token. */
    void invalidate(String rejected) {
        lock.lock();
        try {
            Session current = session;
            if (current != null && current.accessToken.equals(rejected)) {
                session = current.rejected();
            }
        } finally {
            lock.unlock();
        }
    }

    private String obtain() {
        Instant now = clock.instant();
        Session current = session;
        if (current != null && current.fresh(now)) {
            return current.accessToken; // another caller renewed it while we waited
        }
        if (current != null && current.refreshToken != null) {
            try {
                session = tokenCall(version, refreshForm(current), "refresh_token");
                return session.accessToken;
            } catch (UnauthorizedException refused) {
                LOG.info("VB365 refused the token refresh for {} ({}); logging in again", connection.baseUrl(),
                        refused.status() > 0 ? "HTTP " + refused.status() : "rejected");
            } catch (VeeamException failed) {
                if (current.usable(now)) {
                    // Keep using the token, and do not make every caller retry the refresh meanwhile.
                    Instant retryAt = now.plus(Duration.ofSeconds(Math.min(30,
                            Math.max(1, Duration.between(now, current.expiresAt).toSeconds() / 2))));
                    session = current.renewAgainAt(retryAt);
                    LOG.info("VB365 token refresh failed ({}); the current token stays valid until {}, next try at {}",
                            failed.getClass().getSimpleName(), current.expiresAt, retryAt);
                    return current.accessToken;
                }
                throw failed;
            }
        }
        session = passwordLogin(now);
        return session.accessToken;
    }

    private Session passwordLogin(Instant now) {
        if (blockedUntil != null && now.isBefore(blockedUntil)) {
            throw stillBlocked(now);
        }
        List<ApiVersion> candidates = version != null ? List.of(version) : options.apiVersions();
        Endpoint last = null;
        for (ApiVersion candidate : candidates) {
            last = tokenEndpoint(candidate);
            try {
                Session fresh = tokenCall(candidate, passwordForm(candidate), "password");
                if (version == null) {
                    LOG.info("VB365 at {} speaks API {}", connection.baseUrl(), candidate.segment());
                }
                version = candidate;
                blockedUntil = null;
                blockedBy = null;
                return fresh;
            } catch (NotFoundException absent) {
                LOG.debug("VB365 at {} has no API {}", connection.baseUrl(), candidate.segment());
            } catch (UnauthorizedException rejected) {
                block(now.plus(options.authFailureBackoff()), rejected);
                throw rejected;
            } catch (ThrottledException throttled) {
                block(now.plus(throttled.retryAfter().orElse(options.retryPolicy().maxDelay())), throttled);
                throw throttled;
            }
        }
        throw new NotFoundException(last, 404, null, null,
                "the server offers none of the API versions " + candidates.stream().map(ApiVersion::segment).toList());
    }

    private void block(Instant until, VeeamException cause) {
        blockedUntil = until;
        blockedBy = cause;
    }

    private VeeamException stillBlocked(Instant now) {
        Duration left = Duration.between(now, blockedUntil);
        String detail = "no new login attempt for another " + left.toSeconds() + " s after: " + blockedBy.getMessage();
        if (blockedBy instanceof ThrottledException) {
            return new ThrottledException(blockedBy.endpoint(), 0, null, null, detail, left);
        }
        return new UnauthorizedException(blockedBy.endpoint(), 0, null, null, detail);
    }

    /**
     * One token request with the token endpoint's own retries: a 429 is waited out as asked (up to
     * the policy's maxRetryAfter), transport errors and 5xx are retried with backoff (asking for a
     * token twice is harmless); a refused grant is final.
     */
    private Session tokenCall(ApiVersion apiVersion, FormBody form, String grant) {
        Endpoint endpoint = tokenEndpoint(apiVersion);
        RetryPolicy policy = options.retryPolicy();
        long started = System.nanoTime();
        int attempt = 0;
        while (true) {
            attempt++;
            Request request = new Request.Builder()
                    .url(baseUrl.newBuilder().addPathSegment(apiVersion.segment()).addPathSegment("token").build())
                    .header("Accept", "application/json")
                    .post(form)
                    .build();
            try {
                Wire.Token token = transport.exchange(http, request, endpoint, null, response -> {
                    if (!response.isSuccessful()) {
                        throw errors.fromResponse(endpoint, response);
                    }
                    try (InputStream in = JsonBody.open(endpoint, response)) {
                        return VeeamJson.<Wire.Token>read(in, VeeamJson.type(Wire.Token.class), endpoint,
                                response.code(), true);
                    }
                });
                if (token == null || token.accessToken() == null || token.accessToken().isBlank()) {
                    throw new MalformedResponseException(endpoint, 200, "the token response has no access_token", null);
                }
                redactor.remember(token.accessToken(), token.refreshToken());
                transport.countToken(grant, "success");
                return Session.issued(token, clock.instant(), options.tokenRefreshSkew());
            } catch (NotFoundException absent) {
                transport.countToken(grant, "not_found");
                throw absent;
            } catch (ValidationException | UnauthorizedException | ForbiddenException refused) {
                transport.countToken(grant, "rejected");
                throw new UnauthorizedException(endpoint, refused.status(), refused.errorCode(),
                        refused.serverMessage(), grant.equals("password")
                                ? "the server rejected the login of user '" + connection.username() + "'"
                                : "the server rejected the refresh token");
            } catch (ThrottledException throttled) {
                transport.countToken(grant, "throttled");
                Duration wait = throttled.retryAfter().orElse(policy.backoff(attempt));
                Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
                if (attempt >= policy.maxAttempts() || wait.compareTo(policy.maxRetryAfter()) > 0
                        || elapsed.plus(wait).compareTo(policy.maxTotal()) > 0) {
                    throw new ThrottledException(endpoint, 429, throttled.errorCode(), throttled.serverMessage(),
                            "token endpoint throttled; retry after " + wait.toSeconds() + " s", wait);
                }
                LOG.info("VB365 token endpoint throttled (429); waiting {} ms as asked", wait.toMillis());
                ApiCaller.sleep(wait);
            } catch (VeeamException failed) {
                transport.countToken(grant, "error");
                Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
                Duration wait = policy.backoff(attempt);
                if (!failed.retryable() || failed instanceof MalformedResponseException
                        || attempt >= policy.maxAttempts() || elapsed.plus(wait).compareTo(policy.maxTotal()) > 0) {
                    throw failed;
                }
                LOG.debug("{} failed ({}); retrying in {} ms", endpoint, failed.getClass().getSimpleName(),
                        wait.toMillis());
                ApiCaller.sleep(wait);
            }
        }
    }

    private FormBody passwordForm(ApiVersion apiVersion) {
        FormBody.Builder form = new FormBody.Builder()
                .add("grant_type", "password")
                .add("username", connection.username())
                .add("password", connection.password().reveal());
        return antiforgery(form, apiVersion).build();
    }

    private FormBody refreshForm(Session current) {
        FormBody.Builder form = new FormBody.Builder()
                .add("grant_type", "refresh_token")
                .add("refresh_token", current.refreshToken);
        return antiforgery(form, version).build();
    }

    /** v7+ protect browser sessions with an antiforgery cookie; an API client opts out. */
    private static FormBody.Builder antiforgery(FormBody.Builder form, ApiVersion apiVersion) {
        if (apiVersion.needsAntiforgeryOptOut()) {
            form.add("disable_antiforgery_token", "true");
        }
        return form;
    }

    private static Endpoint tokenEndpoint(ApiVersion apiVersion) {
        return new Endpoint("POST", "/" + apiVersion.segment() + "/token");
    }

    /** A token pair and when to renew it. */
    private static final class Session {
        final String accessToken;
        final String refreshToken;
        final Instant renewAt;
        final Instant expiresAt;

        private Session(String accessToken, String refreshToken, Instant renewAt, Instant expiresAt) {
            this.accessToken = accessToken;
            this.refreshToken = refreshToken;
            this.renewAt = renewAt;
            this.expiresAt = expiresAt;
        }

        static Session issued(Wire.Token token, Instant now, Duration skew) {
            // VB365 defaults to 60 minutes; a server that does not say gets a conservative 10.
            long seconds = token.expiresIn() == null || token.expiresIn() <= 0 ? 600 : token.expiresIn();
            Duration lifetime = Duration.ofSeconds(seconds);
            Duration margin = skew.compareTo(lifetime.dividedBy(2)) > 0 ? lifetime.dividedBy(2) : skew;
            Instant expires = now.plus(lifetime);
            String refresh = token.refreshToken() == null || token.refreshToken().isBlank() ? null
                    : token.refreshToken();
            return new Session(token.accessToken(), refresh, expires.minus(margin), expires);
        }

        boolean fresh(Instant now) {
            return now.isBefore(renewAt);
        }

        boolean usable(Instant now) {
            return now.isBefore(expiresAt);
        }

        Session renewAgainAt(Instant when) {
            return new Session(accessToken, refreshToken, when, expiresAt);
        }

        Session rejected() {
            return new Session(accessToken, refreshToken, Instant.MIN, Instant.MIN);
        }

        @Override
        public String toString() {
            return "Session[renewAt=" + renewAt + ", expiresAt=" + expiresAt + "]";
        }
    }
}
