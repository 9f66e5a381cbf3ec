package dev.vb365.operator.veeam;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A scripted VB365 for MockWebServer: a token endpoint for one API version (password and refresh
 * grants, tokens that can be revoked), bearer checks on every other call, and per-path handlers or
 * one-shot scripted responses. Records every request.
 */
public final class FakeVeeam extends Dispatcher {

    public static final String USERNAME = "VBO\\operator";
    public static final String PASSWORD = "S3cr3t-Pa55w0rd!";
    /** Every token any FakeVeeam issued: the leak scans look for these. */
    public static final Set<String> ISSUED_SECRETS = ConcurrentHashMap.newKeySet();

    public final ApiVersion version;
    public volatile long expiresIn = 3600;
    public volatile boolean rejectRefresh;
    public volatile long tokenDelayMillis;

    private final List<RecordedRequest> requests = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Deque<MockResponse>> scripted = new ConcurrentHashMap<>();
    private final Map<String, Function<RecordedRequest, MockResponse>> handlers = new ConcurrentHashMap<>();
    private final Set<String> validAccess = ConcurrentHashMap.newKeySet();
    private final Set<String> validRefresh = ConcurrentHashMap.newKeySet();
    private final AtomicInteger issued = new AtomicInteger();
    /** Refresh tokens this fake issued, in order. */
    public final List<String> issuedRefreshTokens = Collections.synchronizedList(new ArrayList<>());

    public FakeVeeam(ApiVersion version) {
        this.version = version;
    }

    // ---- scripting -----------------------------------------------------------------------------

    /** Answers every {@code method path} (path without query) with {@code handler}. */
    public FakeVeeam on(String method, String path, Function<RecordedRequest, MockResponse> handler) {
        handlers.put(method + " " + path, handler);
        return this;
    }

    public FakeVeeam onJson(String method, String path, int code, String json) {
        return on(method, path, r -> json(code, json));
    }

    /** Answers the next calls of {@code method path} with these responses, in order, before any handler. */
    public FakeVeeam script(String method, String path, MockResponse... responses) {
        scripted.computeIfAbsent(method + " " + path, k -> new ArrayDeque<>()).addAll(List.of(responses));
        return this;
    }

    public void revokeAccessTokens() {
        validAccess.clear();
    }

    // ---- inspection ----------------------------------------------------------------------------

    public List<RecordedRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public List<RecordedRequest> requests(String method, String path) {
        return requests().stream().filter(r -> r.getMethod().equals(method)
                && r.getUrl().encodedPath().equals(path)).toList();
    }

    public List<RecordedRequest> tokenRequests() {
        return requests().stream().filter(isToken()).toList();
    }

    public List<RecordedRequest> apiRequests() {
        return requests().stream().filter(isToken().negate()).toList();
    }

    public static Predicate<RecordedRequest> isToken() {
        return r -> r.getUrl().encodedPath().endsWith("/token");
    }

    public static Map<String, String> form(RecordedRequest request) {
        Map<String, String> form = new LinkedHashMap<>();
        String body = request.getBody() == null ? "" : request.getBody().utf8();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }

    // ---- responses -----------------------------------------------------------------------------

    public static MockResponse json(int code, String json) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json; charset=utf-8")
                .body(json).build();
    }

    public static MockResponse noContent() {
        return new MockResponse.Builder().code(204).build();
    }

    public static MockResponse error(int code, String errorCode, String message) {
        return json(code, "{\"message\":\"" + message + "\""
                + (errorCode == null ? "" : ",\"errorCode\":\"" + errorCode + "\"") + "}");
    }

    // ---- dispatch ------------------------------------------------------------------------------

    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        requests.add(request);
        String key = request.getMethod() + " " + request.getUrl().encodedPath();
        Deque<MockResponse> queue = scripted.get(key);
        if (queue != null) {
            MockResponse next;
            synchronized (queue) {
                next = queue.poll();
            }
            if (next != null) {
                return next;
            }
        }
        if (isToken().test(request)) {
            return token(request);
        }
        String auth = request.getHeaders().get("Authorization");
        if (auth == null || !auth.startsWith("Bearer ") || !validAccess.contains(auth.substring(7))) {
            return error(401, null, "Authorization has been denied for this request.");
        }
        Function<RecordedRequest, MockResponse> handler = handlers.get(key);
        if (handler != null) {
            return handler.apply(request);
        }
        return error(404, "ResourceNotFound", "No route " + key + " in this test");
    }

    private MockResponse token(RecordedRequest request) throws InterruptedException {
        if (!request.getUrl().encodedPath().equals("/" + version.segment() + "/token")) {
            return error(404, null, "Not found");
        }
        if (tokenDelayMillis > 0) {
            Thread.sleep(tokenDelayMillis);
        }
        Map<String, String> form = form(request);
        String grant = form.get("grant_type");
        boolean ok = ("password".equals(grant) && USERNAME.equals(form.get("username"))
                && PASSWORD.equals(form.get("password")))
                || ("refresh_token".equals(grant) && !rejectRefresh && validRefresh.remove(form.get("refresh_token")));
        if (!ok) {
            return json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"The user name or password is incorrect.\"}");
        }
        int n = issued.incrementAndGet();
        String access = "at-" + n + "-" + UUID.randomUUID();
        String refresh = "rt-" + n + "-" + UUID.randomUUID();
        ISSUED_SECRETS.add(access);
        ISSUED_SECRETS.add(refresh);
        validAccess.add(access);
        validRefresh.add(refresh);
        issuedRefreshTokens.add(refresh);
        return json(200, "{\"access_token\":\"" + access + "\",\"refresh_token\":\"" + refresh
                + "\",\"token_type\":\"bearer\",\"expires_in\":" + expiresIn + ",\"userName\":\"operator\","
                + "\".issued\":\"Mon, 01 Jan 2024 00:00:00 GMT\",\".expires\":\"Mon, 01 Jan 2024 01:00:00 GMT\"}");
    }
}
