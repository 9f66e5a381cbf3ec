package dev.vb365.simulator.api;

import dev.vb365.simulator.http.ApiException;
import dev.vb365.simulator.http.ApiRequest;
import java.util.List;

/** offset/limit paging as the spec documents it: limit defaults to 30 and may be at most 10,000. */
record Paging(int offset, int limit) {
  static final int DEFAULT_LIMIT = 30;
  static final int MAX_LIMIT = 10_000;

  static Paging of(ApiRequest request) {
    int limit = request.queryInt("limit").orElse(DEFAULT_LIMIT);
    int offset = request.queryInt("offset").orElse(0);
    if (limit < 1 || limit > MAX_LIMIT) {
      throw ApiException.invalid("The value " + limit + " of query parameter 'limit' must be between 1 and " + MAX_LIMIT);
    }
    if (offset < 0) {
      throw ApiException.invalid("The value " + offset + " of query parameter 'offset' must not be negative");
    }
    return new Paging(offset, limit);
  }

  <T> List<T> slice(List<T> all) {
    if (offset >= all.size()) {
      return List.of();
    }
    return all.subList(offset, Math.min(all.size(), offset + limit));
  }
}
