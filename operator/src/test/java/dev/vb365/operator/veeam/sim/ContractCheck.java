package dev.vb365.operator.veeam.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vb365.simulator.testsupport.OpenApiContract;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;

/**
 * An OkHttp interceptor on the client's own HTTP stack: every request the client sends and every
 * response it receives is checked against the official OpenAPI spec of the version in use, so each
 * behaviour test against the simulator is also a fidelity test of both sides. It also records every
 * token the server issues (for the leak scan) and the token requests' form fields (to check the
 * antiforgery opt-out).
 */
public final class ContractCheck implements Interceptor {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final OpenApiContract contract;
    private final List<String> problems = new ArrayList<>();
    private final List<Map<String, String>> tokenForms = new ArrayList<>();
    private final AtomicInteger checked = new AtomicInteger();

    public ContractCheck(String apiVersion) {
        this.contract = OpenApiContract.forVersion(apiVersion);
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        HttpUrl url = request.url();
        String pathAndQuery = url.encodedPath() + (url.encodedQuery() == null ? "" : "?" + url.encodedQuery());
        Map<String, String> headers = new LinkedHashMap<>();
        request.headers().forEach(h -> headers.putIfAbsent(h.getFirst(), h.getSecond()));
        String body = null;
        RequestBody requestBody = request.body();
        if (requestBody != null) {
            if (requestBody.contentType() != null) {
                headers.put("Content-Type", requestBody.contentType().toString());
            }
            Buffer buffer = new Buffer();
            requestBody.writeTo(buffer);
            body = buffer.readUtf8();
        }
        if (!url.encodedPath().startsWith("/" + contract.apiVersion() + "/")) {
            // The client probing newer versions at login: another spec's paths, answered 404.
            return chain.proceed(request);
        }
        boolean token = url.encodedPath().toLowerCase().endsWith("/token");
        if (token) {
            synchronized (tokenForms) {
                tokenForms.add(formFields(body));
            }
        }
        record(request.method() + " " + pathAndQuery + " (request)",
                contract.requestProblems(request.method(), pathAndQuery, headers, body));

        Response response = chain.proceed(request);
        String responseBody = response.peekBody(Long.MAX_VALUE).string();
        Map<String, String> responseHeaders = new LinkedHashMap<>();
        response.headers().forEach(h -> responseHeaders.putIfAbsent(h.getFirst(), h.getSecond()));
        if (token && response.isSuccessful()) {
            rememberTokens(responseBody, response.header("X-XSRF-TOKEN"));
        }
        record(request.method() + " " + pathAndQuery + " -> " + response.code(),
                contract.responseProblems(request.method(), pathAndQuery, response.code(), responseHeaders,
                        responseBody));
        checked.incrementAndGet();
        return response;
    }

    private static void rememberTokens(String body, String antiforgery) {
        try {
            JsonNode json = JSON.readTree(body);
            for (String field : List.of("access_token", "refresh_token")) {
                if (json.hasNonNull(field)) {
                    SimLeakScan.secret(json.get(field).asText());
                }
            }
        } catch (IOException notJson) {
            // the contract check reports it
        }
        if (antiforgery != null) {
            SimLeakScan.secret(antiforgery);
        }
    }

    private static Map<String, String> formFields(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (body == null) {
            return fields;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            fields.put(name, name.equals("password") || name.equals("refresh_token") ? "***" : value);
        }
        return fields;
    }

    private void record(String exchange, List<String> found) {
        if (!found.isEmpty()) {
            synchronized (problems) {
                // Never the headers: they carry the bearer token.
                problems.add(exchange + ": " + String.join("; ", found));
            }
        }
    }

    /** The exchanges that broke the contract so far. */
    public List<String> problems() {
        synchronized (problems) {
            return List.copyOf(problems);
        }
    }

    /** The fields of the token requests sent so far, credentials blanked. */
    public List<Map<String, String>> tokenForms() {
        synchronized (tokenForms) {
            return List.copyOf(tokenForms);
        }
    }

    /** How many exchanges were checked (completed with a response). */
    public int checked() {
        return checked.get();
    }
}
