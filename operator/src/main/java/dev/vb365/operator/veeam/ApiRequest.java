package dev.vb365.operator.veeam;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** One API call to make: route, path values, query, JSON body and per-call needs. */
final class ApiRequest {

    final Route route;
    final List<String> pathValues;
    private final Map<String, String> query = new LinkedHashMap<>();
    Object body;
    Cancellation cancellation;
    /** A long poll's wait: the read and call timeouts grow by it. */
    Duration longPoll;
    /** For NEVER/RETRY_IF_UNPROCESSED routes: the exception to throw when the outcome is unknown. */
    BiFunction<Endpoint, VeeamException, OutcomeUnknownException> outcomeUnknown;

    private ApiRequest(Route route, List<String> pathValues) {
        this.route = route;
        this.pathValues = pathValues;
    }

    static ApiRequest of(Route route, String... pathValues) {
        for (String value : pathValues) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("missing path value for " + route.template());
            }
        }
        return new ApiRequest(route, List.of(pathValues));
    }

    ApiRequest query(String name, Object value) {
        if (value != null) {
            query.put(name, value.toString());
        }
        return this;
    }

    ApiRequest body(Object value) {
        this.body = value;
        return this;
    }

    ApiRequest cancellation(Cancellation value) {
        this.cancellation = value;
        return this;
    }

    ApiRequest longPoll(Duration wait) {
        this.longPoll = wait;
        return this;
    }

    ApiRequest onOutcomeUnknown(BiFunction<Endpoint, VeeamException, OutcomeUnknownException> factory) {
        this.outcomeUnknown = factory;
        return this;
    }

    Map<String, String> query() {
        return Collections.unmodifiableMap(query);
    }

    /** A copy with different paging parameters (same route, path, body and needs). */
    ApiRequest page(int offset, int limit, String setId) {
        ApiRequest copy = new ApiRequest(route, pathValues);
        copy.query.putAll(query);
        copy.query.put("offset", Integer.toString(offset));
        copy.query.put("limit", Integer.toString(limit));
        if (setId != null) {
            copy.query.put("setId", setId);
        }
        copy.body = body;
        copy.cancellation = cancellation;
        copy.longPoll = longPoll;
        copy.outcomeUnknown = outcomeUnknown;
        return copy;
    }
}
